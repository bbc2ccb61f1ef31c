// Case intake: origin, priority, optional linked report, and the first victim (identity fields are
// encrypted by the server). Coordinators open a case for a case manager and must name the owner.
import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { CASE_ORIGINS, type CaseCreate, type CaseDetail, CASES_PATH, PMI_STATUSES, PRIORITIES, SEXES } from "../../lib/cases";
import { navigate } from "../../lib/router";
import { splitFieldErrors, useSubmission } from "../forms";
import { usePageTitle } from "../usePageTitle";
import { DesaPicker, options, splitList } from "./shared";
import { CandidatePicker } from "./TeamTab";
import { PageHeader } from "../PageHeader";
import { NoteField } from "../fields";

export interface VictimDraft {
  name: string;
  nik: string;
  birthDate: string;
  ageEstimate: string;
  sex: string;
  phones: string;
  address: string;
  desaCode: string;
  pmiStatus: string;
}

export const EMPTY_VICTIM: VictimDraft = {
  name: "",
  nik: "",
  birthDate: "",
  ageEstimate: "",
  sex: "",
  phones: "",
  address: "",
  desaCode: "",
  pmiStatus: "",
};

/** Only the filled-in fields, as the API expects them. */
export function victimInput(v: VictimDraft) {
  const phones = splitList(v.phones);
  return {
    ...(v.name.trim() ? { name: v.name.trim() } : {}),
    ...(v.nik.trim() ? { nik: v.nik.trim() } : {}),
    ...(v.birthDate ? { birthDate: v.birthDate } : {}),
    ...(v.ageEstimate.trim() ? { ageEstimate: Number(v.ageEstimate) } : {}),
    ...(v.sex ? { sex: v.sex as "female" } : {}),
    ...(phones.length ? { phones } : {}),
    ...(v.address.trim() ? { address: v.address.trim() } : {}),
    ...(v.desaCode ? { desaCode: v.desaCode } : {}),
    ...(v.pmiStatus ? { pmiStatus: v.pmiStatus as "unknown" } : {}),
  };
}

export function VictimFields({
  value,
  onChange,
  errors,
}: {
  value: VictimDraft;
  onChange: (v: VictimDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (key: keyof VictimDraft) => (next: string) => onChange({ ...value, [key]: next });
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("cases.person.name")}
          value={value.name}
          onChange={(e) => set("name")(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={t("cases.person.nik")}
          inputMode="numeric"
          maxLength={16}
          value={value.nik}
          onChange={(e) => set("nik")(e.currentTarget.value)}
          error={errors.nik}
        />
        <TextInput
          type="date"
          label={t("cases.person.birthDate")}
          value={value.birthDate}
          onChange={(e) => set("birthDate")(e.currentTarget.value)}
          error={errors.birthDate}
        />
        <TextInput
          label={t("cases.person.ageEstimate")}
          inputMode="numeric"
          value={value.ageEstimate}
          onChange={(e) => set("ageEstimate")(e.currentTarget.value.replace(/\D/g, ""))}
          error={errors.ageEstimate}
        />
        <Select
          label={t("cases.person.sex")}
          data={options(t, "cases.sex", SEXES)}
          value={value.sex || null}
          onChange={(v) => set("sex")(v ?? "")}
          clearable
        />
        <Select
          label={t("cases.person.pmiStatus")}
          data={options(t, "cases.pmi", PMI_STATUSES)}
          value={value.pmiStatus || null}
          onChange={(v) => set("pmiStatus")(v ?? "")}
          clearable
        />
        <TextInput
          label={t("cases.person.phones")}
          description={t("cases.listHint")}
          value={value.phones}
          onChange={(e) => set("phones")(e.currentTarget.value)}
          error={errors.phones}
        />
        <TextInput
          label={t("cases.person.address")}
          value={value.address}
          onChange={(e) => set("address")(e.currentTarget.value)}
          error={errors.address}
        />
      </SimpleGrid>
      <DesaPicker value={value.desaCode} onChange={set("desaCode")} />
    </Stack>
  );
}

export function CaseIntake() {
  const { t } = useTranslation();
  usePageTitle(t("cases.intake.title"));
  const [origin, setOrigin] = useState<string>("walk_in");
  const [priority, setPriority] = useState<string>("normal");
  const [summary, setSummary] = useState("");
  const [reportId, setReportId] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [victim, setVictim] = useState<VictimDraft>(EMPTY_VICTIM);
  const submission = useSubmission();
  const { byField, rest } = splitFieldErrors(submission.fields, ["origin", "priority", "summary", "reportIds", "ownerId", "victim"]);
  const victimErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(submission.fields))
    if (path.startsWith("victim.")) victimErrors[path.split(".")[1] ?? ""] = message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = victimInput(victim);
    const body: CaseCreate = {
      origin: origin as CaseCreate["origin"],
      priority: priority as CaseCreate["priority"],
      ...(summary.trim() ? { summary: summary.trim() } : {}),
      ...(reportId.trim() ? { reportIds: [reportId.trim()] } : {}),
      ...(ownerId.trim() ? { ownerId: ownerId.trim() } : {}),
      ...(Object.keys(v).length ? { victim: v } : {}),
    };
    await submission.run(async () => {
      const created = await api.post<CaseDetail>("/api/cases", body);
      navigate(`${CASES_PATH}/${created.id}`);
    });
  }

  return (
    <Stack maw={900}>
      <PageHeader back={{ href: CASES_PATH, label: t("cases.back") }} title={t("cases.intake.title")} />
      <form onSubmit={submit} noValidate>
        <Stack>
          {submission.error && (
            <Alert color="red" role="alert">
              {[submission.error, ...rest].join(" ")}
            </Alert>
          )}
          <Fieldset legend={t("cases.intake.caseLegend")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("cases.originLabel")}
                data={options(t, "cases.origin", CASE_ORIGINS)}
                value={origin}
                onChange={(v) => setOrigin(v ?? "walk_in")}
                error={byField.origin}
              />
              <Select
                label={t("cases.priorityLabel")}
                data={options(t, "cases.priority", PRIORITIES)}
                value={priority}
                onChange={(v) => setPriority(v ?? "normal")}
                error={byField.priority}
              />
              <TextInput
                label={t("cases.intake.reportId")}
                description={t("cases.intake.reportIdHint")}
                value={reportId}
                onChange={(e) => setReportId(e.currentTarget.value)}
                error={byField.reportIds}
              />
              <CandidatePicker
                label={t("cases.intake.ownerId")}
                description={t("cases.intake.ownerIdHint")}
                value={ownerId}
                onChange={setOwnerId}
                error={byField.ownerId}
              />
            </SimpleGrid>
            <NoteField mt="sm" label={t("cases.summary")} minRows={3} value={summary} onChange={setSummary} error={byField.summary} />
          </Fieldset>
          <Fieldset legend={t("cases.intake.victimLegend")}>
            <VictimFields value={victim} onChange={setVictim} errors={victimErrors} />
          </Fieldset>
          <Group>
            <Button type="submit" loading={submission.busy}>
              {t("cases.intake.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
