// One village: Desa Binaan designation (decree, office, PIMPASA, village focal point), indicators per
// period with their sources, the risk level with every input and the rule, and the sessions held
// there. PIMPASA officers (in their jurisdiction), coordinators and admins designate and update.
import { Badge, Button, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { INDICATOR_KEYS, type IndicatorKey } from "../../../core/village-risk";
import { query, request } from "../../lib/api";
import { formatDateTime, formatNumber, formatPartialDate } from "../../lib/format";
import { joinPartialDate, splitPartialDate } from "../../lib/partial-date";
import { Link } from "../../lib/router";
import type { Me } from "../../lib/types";
import { useSubmission } from "../forms";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { PartialDateField } from "./PartialDateField";
import { PROGRAM_STATUSES, type ProgramStatus, type SessionView, STATUS_COLOURS, VILLAGES_PATH, type VillageDetail } from "./types";
import { RiskBadge, riskReason } from "./Villages";
import { LoadFailed, PageHeader } from "../PageHeader";
import { SimpleTable } from "../SimpleTable";
import { NoteField, TextField } from "../fields";
import { ErrorAlert, FormErrorAlert } from "../FormErrorAlert";
import { FormActions } from "../FormActions";

const nullable = (value: string) => (value.trim() === "" ? null : value.trim());
const intOrNull = (value: string) => (value.trim() === "" ? null : Number.parseInt(value, 10));

function Designation({
  village,
  onSaved,
  onCancel,
}: {
  village: VillageDetail;
  onSaved: (next: VillageDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const officers = useResource<{ items: { id: string; displayName: string }[] }>(`/api/villages/officers${query({ desa: village.code })}`);
  const [form, setForm] = useState({
    status: village.status as ProgramStatus,
    decreeNumber: village.decreeNumber ?? "",
    decreeDate: splitPartialDate(village.decreeDate),
    designatingOffice: village.designatingOffice ?? "",
    pimpasa: village.pimpasa.map((p) => p.id),
    focalName: village.focalPoint.name ?? "",
    focalPosition: village.focalPoint.position ?? "",
    focalPhone: village.focalPoint.phone ?? "",
    population: village.population === null ? "" : String(village.population),
    populationYear: village.populationYear === null ? "" : String(village.populationYear),
    populationSource: village.populationSource ?? "",
    notes: village.notes ?? "",
  });
  const set = (key: Exclude<keyof typeof form, "decreeDate" | "pimpasa">) => (value: string) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const bind = (key: Parameters<typeof set>[0]) => ({ value: form[key], onChange: set(key) });
  const [decreeProblem, setDecreeProblem] = useState<string | null>(null);
  const officerOptions = [...(officers.data?.items ?? []), ...village.pimpasa]
    .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i)
    .map((o) => ({ value: o.id, label: o.displayName }));
  const err = (name: string) => Object.entries(submission.fields).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const decree = joinPartialDate(form.decreeDate);
    if ("problem" in decree) {
      setDecreeProblem(t(`partialDate.problem.${decree.problem}`));
      return;
    }
    setDecreeProblem(null);
    await submission.run(async () => {
      const next = await request<VillageDetail>("PATCH", `/api/villages/${encodeURIComponent(village.code)}`, {
        status: form.status,
        decreeNumber: nullable(form.decreeNumber),
        decreeDate: decree.value || null,
        designatingOffice: nullable(form.designatingOffice),
        pimpasaUserIds: form.pimpasa,
        // A hidden phone is not sent, so saving does not erase what this user cannot see.
        focalPoint: village.focalPoint.phoneHidden
          ? undefined
          : { name: nullable(form.focalName), position: nullable(form.focalPosition), phone: nullable(form.focalPhone) },
        population: intOrNull(form.population),
        populationYear: intOrNull(form.populationYear),
        populationSource: nullable(form.populationSource),
        notes: nullable(form.notes),
      });
      onSaved(next);
    });
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} aria-label={t("villages.designation.edit")}>
        <Stack>
          <Title order={2} size="h4">
            {t("villages.designation.edit")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("villages.status")}
              value={form.status}
              onChange={(e) => set("status")(e.currentTarget.value)}
              data={PROGRAM_STATUSES.map((value) => ({ value, label: t(`villages.programStatus.${value}`) }))}
            />
            <TextField label={t("villages.designation.decreeNumber")} {...bind("decreeNumber")} error={err("decreeNumber")} />
            <PartialDateField
              label={t("villages.designation.decreeDate")}
              value={form.decreeDate}
              onChange={(decreeDate) => setForm((previous) => ({ ...previous, decreeDate }))}
              error={decreeProblem ?? err("decreeDate")}
            />
            <TextField label={t("villages.designation.office")} {...bind("designatingOffice")} error={err("designatingOffice")} />
          </SimpleGrid>
          <MultiSelect
            label={t("villages.designation.pimpasa")}
            data={officerOptions}
            value={form.pimpasa}
            onChange={(value) => setForm((previous) => ({ ...previous, pimpasa: value }))}
            searchable
            error={err("pimpasaUserIds")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextField label={t("villages.focal.name")} {...bind("focalName")} />
            <TextField label={t("villages.focal.position")} {...bind("focalPosition")} />
            {!village.focalPoint.phoneHidden && (
              <TextField type="tel" label={t("villages.focal.phone")} {...bind("focalPhone")} error={err("focalPoint")} />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextField type="number" min={0} label={t("villages.population")} {...bind("population")} error={err("population")} />
            <TextField type="number" label={t("villages.populationYear")} {...bind("populationYear")} error={err("populationYear")} />
            <TextField label={t("villages.populationSource")} {...bind("populationSource")} />
          </SimpleGrid>
          <NoteField label={t("villages.notes")} value={form.notes} onChange={set("notes")} />
          <FormErrorAlert error={submission.error} />
          <FormActions busy={submission.busy} onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}

function IndicatorForm({
  village,
  period: initialPeriod,
  onSaved,
  onCancel,
}: {
  village: VillageDetail;
  period: string | null;
  onSaved: (next: VillageDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const existing = village.indicators.find((i) => i.period === initialPeriod);
  const [period, setPeriod] = useState(initialPeriod ?? String(new Date().getFullYear()));
  const [figures, setFigures] = useState<Record<IndicatorKey, { value: string; source: string }>>(
    () =>
      Object.fromEntries(
        INDICATOR_KEYS.map((key) => {
          const figure = existing?.figures[key];
          return [
            key,
            { value: figure?.value === null || figure?.value === undefined ? "" : String(figure.value), source: figure?.source ?? "" },
          ];
        }),
      ) as Record<IndicatorKey, { value: string; source: string }>,
  );
  const [notes, setNotes] = useState(existing?.notes ?? "");

  async function submit(event: FormEvent) {
    event.preventDefault();
    await submission.run(async () => {
      const body = {
        figures: Object.fromEntries(
          INDICATOR_KEYS.map((key) => [key, { value: intOrNull(figures[key].value), source: nullable(figures[key].source) }]),
        ),
        notes: nullable(notes),
      };
      onSaved(
        await request<VillageDetail>(
          "PUT",
          `/api/villages/${encodeURIComponent(village.code)}/indicators/${encodeURIComponent(period.trim())}`,
          body,
        ),
      );
    });
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} aria-label={t("villages.indicators.edit")}>
        <Stack>
          <Title order={3} size="h4">
            {t("villages.indicators.edit")}
          </Title>
          <TextInput
            label={t("villages.indicators.period")}
            description={t("villages.indicators.periodHint")}
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            disabled={initialPeriod !== null}
            maw={240}
            error={submission.fields.period}
          />
          {INDICATOR_KEYS.map((key) => (
            <SimpleGrid key={key} cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="number"
                min={0}
                label={t(`villages.indicator.${key}`)}
                value={figures[key].value}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setFigures((previous) => ({ ...previous, [key]: { ...previous[key], value } }));
                }}
              />
              <TextInput
                label={t("villages.indicators.sourceOf", { name: t(`villages.indicator.${key}`) })}
                value={figures[key].source}
                onChange={(e) => {
                  const source = e.currentTarget.value;
                  setFigures((previous) => ({ ...previous, [key]: { ...previous[key], source } }));
                }}
              />
            </SimpleGrid>
          ))}
          <Text size="xs" c="dimmed">
            {t("villages.indicators.unknownHint")}
          </Text>
          <NoteField label={t("villages.notes")} value={notes} onChange={setNotes} />
          <FormErrorAlert error={submission.error} />
          <FormActions busy={submission.busy} onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function VillagePage({ me, code }: { me: Me; code: string }) {
  const { t, i18n } = useTranslation();
  const resource = useResource<VillageDetail>(`/api/villages/${encodeURIComponent(code)}`);
  const [saved, setSaved] = useState<VillageDetail | null>(null);
  const [editing, setEditing] = useState<"designation" | { period: string | null } | null>(null);
  const village = saved ?? resource.data;
  usePageTitle(village?.name ?? t("villages.title"));
  const sessions = useResource<{ items: SessionView[]; total: number }>(
    me.abilities.recordOutreach ? `/api/outreach/sessions${query({ desa: code, limit: "50" })}` : null,
  );

  if (resource.error) {
    return (
      <LoadFailed title={t("villages.title")} error={resource.error} backHref={VILLAGES_PATH} backLabel={t("villages.back")} stretch />
    );
  }
  if (!village) return <Text role="status">{t("common.loading")}</Text>;
  const canManage = village.abilities.manage;
  const saveAndClose = (next: VillageDetail) => {
    setSaved(next);
    setEditing(null);
  };
  const risk = village.risk;

  return (
    <Stack>
      <Text component={Link} href={VILLAGES_PATH} size="sm" c="teal.9">
        ← {t("villages.back")}
      </Text>
      <PageHeader
        title={t("villages.pageTitle", { name: village.name })}
        lead={t("villages.inKecamatan", { kecamatan: village.kecamatanName, code: village.code })}
      />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t("villages.designation.title")}
            </Title>
            {canManage && editing !== "designation" && (
              <Button variant="light" onClick={() => setEditing("designation")}>
                {village.status === "none" ? t("villages.designation.designate") : t("villages.designation.update")}
              </Button>
            )}
          </Group>
          <Group>
            <Badge color={STATUS_COLOURS[village.status]} size="lg" data-testid="program-status">
              {t(`villages.programStatus.${village.status}`)}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Row label={t("villages.designation.decreeNumber")}>{village.decreeNumber ?? "–"}</Row>
            <Row label={t("villages.designation.decreeDate")}>{village.decreeDate ? formatPartialDate(village.decreeDate) : "–"}</Row>
            <Row label={t("villages.designation.office")}>{village.designatingOffice ?? "–"}</Row>
            <Row label={t("villages.designation.pimpasa")}>
              {village.pimpasa.length ? village.pimpasa.map((p) => p.displayName).join(", ") : "–"}
            </Row>
            <Row label={t("villages.focal.title")}>
              {[village.focalPoint.name, village.focalPoint.position].filter(Boolean).join(", ") || "–"}
              {village.focalPoint.phone ? ` · ${village.focalPoint.phone}` : ""}
              {village.focalPoint.phoneHidden ? ` · ${t("villages.focal.phoneHidden")}` : ""}
            </Row>
            <Row label={t("villages.population")}>
              {village.population === null
                ? "–"
                : t("villages.populationValue", {
                    n: formatNumber(village.population),
                    year: village.populationYear ?? "–",
                    source: village.populationSource ?? "–",
                  })}
            </Row>
          </SimpleGrid>
          {village.notes && <Row label={t("villages.notes")}>{village.notes}</Row>}
        </Stack>
      </Paper>
      {editing === "designation" && <Designation village={village} onSaved={saveAndClose} onCancel={() => setEditing(null)} />}

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("villages.riskTitle")}
          </Title>
          <Group>
            <RiskBadge risk={risk} />
            <Text size="sm" data-testid="risk-reason">
              {riskReason(risk, i18n.language)}
            </Text>
          </Group>
          <SimpleTable minWidth={360} headers={[t("villages.riskInput"), t("villages.riskValue", { period: risk.period ?? "–" })]}>
            {INDICATOR_KEYS.map((key) => (
              <Table.Tr key={key} fw={risk.triggers.includes(key) ? 700 : undefined}>
                <Table.Td>{t(`villages.indicator.${key}`)}</Table.Td>
                <Table.Td>
                  {risk.inputs[key] === null || risk.inputs[key] === undefined
                    ? t("villages.unknown")
                    : formatNumber(risk.inputs[key] as number)}
                </Table.Td>
              </Table.Tr>
            ))}
          </SimpleTable>
          <Text size="xs" c="dimmed">
            {t("villages.riskRule")}: {village.riskRule}
          </Text>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t("villages.indicators.title")}
            </Title>
            {canManage && !(typeof editing === "object" && editing !== null) && (
              <Button variant="light" onClick={() => setEditing({ period: null })}>
                {t("villages.indicators.add")}
              </Button>
            )}
          </Group>
          {typeof editing === "object" && editing !== null && (
            <IndicatorForm
              key={editing.period ?? "new"}
              village={village}
              period={editing.period}
              onSaved={saveAndClose}
              onCancel={() => setEditing(null)}
            />
          )}
          {village.indicators.length === 0 ? (
            <Text size="sm">{t("villages.indicators.none")}</Text>
          ) : (
            <SimpleTable
              minWidth={720}
              verticalSpacing="xs"
              headers={[
                t("villages.indicators.period"),
                ...INDICATOR_KEYS.map((key) => t(`villages.indicator.${key}`)),
                t("villages.indicators.simpul"),
                ...(canManage ? [t("common.actions")] : []),
              ]}
            >
              {village.indicators.map((indicator) => (
                <Table.Tr key={indicator.period}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {indicator.period}
                    </Text>
                    <RiskBadge risk={indicator.risk} />
                  </Table.Td>
                  {INDICATOR_KEYS.map((key) => {
                    const figure = indicator.figures[key];
                    return (
                      <Table.Td key={key}>
                        {figure?.value === null || figure?.value === undefined ? t("villages.unknown") : formatNumber(figure.value)}
                        {figure?.source && (
                          <Text size="xs" c="dimmed">
                            {t("villages.indicators.source", { source: figure.source })}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <Text size="xs">
                      {t("villages.indicators.simpulCounts", {
                        reports: indicator.simpul.reportsReceived,
                        sessions: indicator.simpul.outreachSessions,
                        people: formatNumber(indicator.simpul.peopleReached),
                      })}
                    </Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setEditing({ period: indicator.period })}>
                        {t("common.edit")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </SimpleTable>
          )}
        </Stack>
      </Paper>

      {me.abilities.recordOutreach && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t("villages.sessions")}
            </Title>
            <Text size="sm">
              {t("villages.outreachSummary", { sessions: village.outreach.sessions, people: formatNumber(village.outreach.peopleReached) })}
            </Text>
            <ErrorAlert error={sessions.error} />
            {(sessions.data?.items ?? []).map((session) => (
              <Text key={session.id} size="sm">
                {formatDateTime(session.startsAt)} · {session.organiser?.name ?? session.recordedBy.displayName} ·{" "}
                {t("outreach.attendanceTotals", {
                  total: formatNumber(session.attendanceTotals.total),
                  female: formatNumber(session.attendanceTotals.female),
                  male: formatNumber(session.attendanceTotals.male),
                })}
              </Text>
            ))}
            {sessions.data && sessions.data.items.length === 0 && <Text size="sm">{t("villages.noSessions")}</Text>}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
