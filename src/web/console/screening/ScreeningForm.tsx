// A new passport interview. The weighted score is shown while the officer answers (the same function
// the server stores it with, from src/core/screening.ts); the offer text is scored by the job-offer
// engine on the server when saved. The score supports the decision; the officer decides.
import { Alert, Badge, Checkbox, Group, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  DERIVED_FLAGS,
  PAID_BY,
  REQUIRED_DOCUMENTS,
  SCREENING_AGE_BANDS,
  SCREENING_DECISIONS,
  SCREENING_DOCUMENTS,
  SCREENING_PURPOSES,
  SCREENING_REASONS,
  SCREENING_RED_FLAGS,
  type ScreeningDecision,
  type ScreeningDocument,
  type ScreeningPurpose,
  type ScreeningRedFlag,
  scoreScreening,
} from "../../../core/screening";
import { api } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import { navigate } from "../../lib/router";
import { SCREENINGS_PATH, type ScreeningDetail } from "../../lib/screening";
import type { Region } from "../../lib/types";
import { FormErrorAlert } from "../FormErrorAlert";
import { splitFieldErrors, useSubmission } from "../forms";
import { regionChildren } from "../outreach/desaOptions";
import { getInstallationRegency } from "../regions";
import { usePageTitle } from "../usePageTitle";
import { DESTINATIONS, useCountryName } from "./parts";
import { PageHeader } from "../PageHeader";
import { NoteField, TextField } from "../fields";
import { FormActions } from "../FormActions";
import { Panel } from "../Panel";

const FIELDS = [
  "applicant.name",
  "applicant.nik",
  "applicant.phone",
  "applicant.desaCode",
  "purpose",
  "destinationCountry",
  "offerText",
  "reasonCode",
  "certainty",
  "decision",
  "note",
  "route",
] as const;

function useChildren(code: string | null): Region[] {
  const [items, setItems] = useState<Region[]>([]);
  useEffect(() => {
    let cancelled = false;
    setItems([]);
    if (!code) return;
    void regionChildren(code)
      .then((result) => {
        if (!cancelled) setItems(result);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [code]);
  return items;
}

export function ScreeningForm() {
  const { t } = useTranslation();
  usePageTitle(t("screening.newTitle"));
  const country = useCountryName();
  const submission = useSubmission();
  const [regency, setRegency] = useState<string | null>(null);
  useEffect(() => {
    void getInstallationRegency().then(setRegency);
  }, []);
  const [name, setName] = useState("");
  const [nik, setNik] = useState("");
  const [phone, setPhone] = useState("");
  const [sex, setSex] = useState<"female" | "male">("female");
  const [ageBand, setAgeBand] = useState<string>("21-25");
  const [kecamatan, setKecamatan] = useState<string | null>(null);
  const [desa, setDesa] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<ScreeningPurpose>("work");
  const [documents, setDocuments] = useState<ScreeningDocument[]>([]);
  const [sponsorName, setSponsorName] = useState("");
  const [sponsorPhone, setSponsorPhone] = useState("");
  const [sponsorCompany, setSponsorCompany] = useState("");
  const [job, setJob] = useState("");
  const [destination, setDestination] = useState<string | null>(null);
  const [route, setRoute] = useState("");
  const [paidBy, setPaidBy] = useState<string | null>(null);
  const [offerText, setOfferText] = useState("");
  const [flags, setFlags] = useState<ScreeningRedFlag[]>([]);
  const [certainty, setCertainty] = useState("3");
  const [decision, setDecision] = useState<ScreeningDecision>("issue");
  const [reasonCode, setReasonCode] = useState<string | null>(null);
  const [missing, setMissing] = useState("");
  const [note, setNote] = useState("");
  const kecamatanList = useChildren(regency);
  const desaList = useChildren(kecamatan);

  const score = useMemo(
    () => scoreScreening({ purpose, documents, destinationCountry: destination, paidBy: paidBy as never, flags }),
    [purpose, documents, destination, paidBy, flags],
  );
  const required = REQUIRED_DOCUMENTS[purpose];
  const { byField, rest } = splitFieldErrors(submission.fields, FIELDS);

  async function save() {
    await submission.run(async () => {
      const created = await api.post<ScreeningDetail>("/api/screenings", {
        applicant: {
          name: name.trim(),
          nik: nik.trim() || undefined,
          phone: phone.trim() || undefined,
          sex,
          ageBand,
          desaCode: desa ?? undefined,
        },
        purpose,
        documents,
        sponsor:
          sponsorName || sponsorPhone || sponsorCompany
            ? {
                name: sponsorName.trim() || undefined,
                phone: sponsorPhone.trim() || undefined,
                company: sponsorCompany.trim() || undefined,
              }
            : undefined,
        job: job.trim() || undefined,
        destinationCountry: destination ?? undefined,
        route: route.trim() || undefined,
        paidBy: paidBy ?? undefined,
        offerText: offerText.trim() || undefined,
        redFlags: flags,
        certainty: Number(certainty),
        decision,
        reasonCode: decision === "issue" ? undefined : (reasonCode ?? undefined),
        missing: missing
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
        note: note.trim() || undefined,
      });
      navigate(`${SCREENINGS_PATH}/${created.id}`, { replace: true });
    });
  }

  return (
    <Stack maw={880}>
      <PageHeader title={t("screening.newTitle")} lead={t("screening.newLead")} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Panel title={t("screening.sections.applicant")} mb="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextField required label={t("screening.applicant.name")} value={name} onChange={setName} error={byField["applicant.name"]} />
              <TextField
                label={t("screening.applicant.nik")}
                inputMode="numeric"
                value={nik}
                onChange={setNik}
                error={byField["applicant.nik"]}
              />
              <TextField
                label={t("screening.applicant.phone")}
                inputMode="tel"
                value={phone}
                onChange={setPhone}
                error={byField["applicant.phone"]}
              />
              <Radio.Group label={t("screening.applicant.sex")} value={sex} onChange={(value) => setSex(value as "female" | "male")}>
                <Group mt={6}>
                  <Radio value="female" label={t("screening.sexes.female")} />
                  <Radio value="male" label={t("screening.sexes.male")} />
                </Group>
              </Radio.Group>
              <Select
                label={t("screening.applicant.ageBand")}
                data={[...SCREENING_AGE_BANDS]}
                value={ageBand}
                onChange={(value) => setAgeBand(value ?? "21-25")}
                allowDeselect={false}
              />
              <Select
                label={t("screening.applicant.kecamatan")}
                data={kecamatanList.map((r) => ({ value: r.code, label: r.name }))}
                value={kecamatan}
                onChange={(value) => {
                  setKecamatan(value);
                  setDesa(null);
                }}
                searchable
                clearable
              />
              <Select
                label={t("screening.applicant.desa")}
                data={desaList.map((r) => ({ value: r.code, label: r.name }))}
                value={desa}
                onChange={setDesa}
                searchable
                clearable
                disabled={!kecamatan}
                error={byField["applicant.desaCode"]}
              />
            </SimpleGrid>
          </Panel>

          <Panel title={t("screening.sections.travel")} mb="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("screening.purpose")}
                data={SCREENING_PURPOSES.map((value) => ({ value, label: t(`screening.purposes.${value}`) }))}
                value={purpose}
                onChange={(value) => setPurpose((value as ScreeningPurpose) ?? "work")}
                allowDeselect={false}
              />
              <Select
                label={t("screening.destination")}
                data={DESTINATIONS.map((code) => ({ value: code, label: country(code) }))}
                value={destination}
                onChange={setDestination}
                searchable
                clearable
                error={byField.destinationCountry}
              />
              <TextField label={t("screening.job")} value={job} onChange={setJob} />
              <Select
                label={t("screening.paidBy")}
                data={PAID_BY.map((value) => ({ value, label: t(`screening.paidByOptions.${value}`) }))}
                value={paidBy}
                onChange={setPaidBy}
                clearable
              />
            </SimpleGrid>
            <Checkbox.Group
              mt="md"
              label={t("screening.documents")}
              description={t("screening.documentsHint")}
              value={documents}
              onChange={(value) => setDocuments(value as ScreeningDocument[])}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6}>
                {SCREENING_DOCUMENTS.map((d) => (
                  <Checkbox
                    key={d}
                    value={d}
                    label={required.includes(d) ? `${t(`screening.documentNames.${d}`)} *` : t(`screening.documentNames.${d}`)}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
              <TextField label={t("screening.sponsor.name")} value={sponsorName} onChange={setSponsorName} />
              <TextField label={t("screening.sponsor.phone")} inputMode="tel" value={sponsorPhone} onChange={setSponsorPhone} />
              <TextField label={t("screening.sponsor.company")} value={sponsorCompany} onChange={setSponsorCompany} />
            </SimpleGrid>
            <NoteField
              mt="md"
              label={t("screening.route")}
              description={t("screening.routeHint")}
              value={route}
              onChange={setRoute}
              error={byField.route}
            />
            <NoteField
              mt="md"
              label={t("screening.offerText")}
              description={t("screening.offerTextHint")}
              minRows={3}
              value={offerText}
              onChange={setOfferText}
              error={byField.offerText}
            />
          </Panel>

          <Panel title={t("screening.sections.flags")} mb="sm">
            <Checkbox.Group value={flags} onChange={(value) => setFlags(value as ScreeningRedFlag[])}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {SCREENING_RED_FLAGS.filter((f) => !DERIVED_FLAGS.includes(f)).map((f) => (
                  <Checkbox key={f} value={f} label={t(`screening.flags.${f}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Alert
              mt="md"
              color={score.level === "high" ? "red" : score.level === "medium" ? "orange" : "gray"}
              title={t("screening.scoreTitle", { score: formatNumber(score.score), level: t(`screening.levels.${score.level}`) })}
              data-testid="live-score"
            >
              {score.reasons.length === 0 ? (
                t("screening.noReasons")
              ) : (
                <Group gap={6}>
                  {score.reasons.map((r) => (
                    <Badge key={r.flag} variant="outline" color="dark">
                      {t(`screening.flags.${r.flag}`)} +{r.weight}
                    </Badge>
                  ))}
                </Group>
              )}
              <Text size="xs" mt="xs">
                {t("screening.scoreHint")}
              </Text>
            </Alert>
          </Panel>

          <Panel title={t("screening.sections.decision")} mb="sm">
            <Stack>
              <div>
                <Text size="sm" fw={500}>
                  {t("screening.certainty")}
                </Text>
                <SegmentedControl
                  value={certainty}
                  onChange={setCertainty}
                  data={["1", "2", "3", "4", "5"]}
                  aria-label={t("screening.certainty")}
                />
                <Text size="xs" c="dimmed">
                  {t("screening.certaintyHint")}
                </Text>
              </div>
              <SegmentedControl
                value={decision}
                onChange={(value) => setDecision(value as ScreeningDecision)}
                data={SCREENING_DECISIONS.map((value) => ({ value, label: t(`screening.decisions.${value}`) }))}
                aria-label={t("screening.decision")}
              />
              {decision !== "issue" && (
                <>
                  <Select
                    required
                    label={t("screening.reason")}
                    data={SCREENING_REASONS.map((value) => ({ value, label: t(`screening.reasons.${value}`) }))}
                    value={reasonCode}
                    onChange={setReasonCode}
                    error={byField.reasonCode}
                  />
                  <NoteField
                    label={t("screening.missing")}
                    description={t("screening.missingHint")}
                    value={missing}
                    onChange={setMissing}
                  />
                  <Text size="sm" c="dimmed">
                    {t("screening.reviewNotice")}
                  </Text>
                </>
              )}
              <NoteField label={t("screening.note")} value={note} onChange={setNote} error={byField.note} />
            </Stack>
          </Panel>
          <FormErrorAlert error={submission.error} rest={rest} />
          <FormActions busy={submission.busy} onCancel={() => navigate(SCREENINGS_PATH)} submitLabel={t("screening.save")} />
        </Stack>
      </form>
    </Stack>
  );
}
