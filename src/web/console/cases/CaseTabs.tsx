// The tabs of a case: persons, trafficking events, assessments, service plan, legal milestones,
// notes and consent records (the team is in TeamTab.tsx). Each "add" opens a dialog; after a change the case reloads.
import { Badge, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import {
  type CasePerson,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  EVENT_STAGES,
  EXPLOITATION_TYPES,
  LEGAL_STAGES,
  METHODS_OF_CONTROL,
  RECRUITMENT_METHODS,
  RISKS,
  SERVICE_STATUSES,
  SERVICE_TYPES,
} from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import { formatDate, formatDateTime } from "../../lib/format";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { EMPTY_PERSON, type PersonDraft, PersonEditButton, PersonFields, personCreateInput } from "./PersonForm";
import { ServiceEditButton } from "./ServiceEdit";
import { dash, options, splitList, useAgencyOptions } from "./shared";

const day = (date: string | null | undefined) => (date ? formatDate(`${date.slice(0, 10)}T12:00:00+07:00`) : "–");

function AddButton({ show, label, onClick }: { show: boolean; label: string; onClick: () => void }) {
  if (!show) return null;
  return (
    <Group>
      <Button size="sm" onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

function Empty({ shown, children }: { shown: boolean; children: ReactNode }) {
  return shown ? (
    <Text c="dimmed" size="sm">
      {children}
    </Text>
  ) : null;
}

// ---- persons ----
function personLabel(t: ReturnType<typeof useTranslation>["t"], p: CasePerson): string {
  return p.name ?? t("cases.person.anonymous", { sex: t(`cases.sex.${p.sex}`), age: t(`cases.ageBand.${p.ageBand}`) });
}

export function PersonsTab({ detail, canEdit, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_PERSON);
  return (
    <Stack>
      <AddButton
        show={canEdit}
        label={t("cases.person.add")}
        onClick={() => {
          setDraft(EMPTY_PERSON);
          setOpen(true);
        }}
      />
      <Empty shown={detail.persons.length === 0}>{t("cases.person.empty")}</Empty>
      {detail.persons.map((p) => (
        <Stack key={p.id} gap={4} p="sm" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }} data-testid="case-person">
          <Group gap="xs">
            <Text fw={600}>{personLabel(t, p)}</Text>
            <Badge variant="light">{t(`cases.person.kind.${p.kind}`)}</Badge>
            {canEdit && <PersonEditButton detail={detail} person={p} onDone={reload} />}
            {p.perpetratorRoles?.map((r) => (
              <Badge key={r} color="red" variant="outline">
                {t(`cases.htcds.role.${r}`)}
              </Badge>
            ))}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Text size="sm">
              {t("cases.person.sex")}: {t(`cases.sex.${p.sex}`)} · {t(`cases.ageBand.${p.ageBand}`)}
            </Text>
            <Text size="sm">
              {t("cases.person.pmiStatus")}: {t(`cases.pmi.${p.pmiStatus}`)}
            </Text>
            {p.nik !== undefined && (
              <Text size="sm">
                {t("cases.person.nik")}: {dash(p.nik)}
              </Text>
            )}
            {p.birthDate !== undefined && (
              <Text size="sm">
                {t("cases.person.birthDate")}: {day(p.birthDate)}
              </Text>
            )}
            {p.phones !== undefined && p.phones.length > 0 && (
              <Text size="sm">
                {t("cases.person.phones")}: {p.phones.join(", ")}
              </Text>
            )}
            {p.address !== undefined && p.address !== null && (
              <Text size="sm">
                {t("cases.person.address")}: {p.address}
              </Text>
            )}
            {p.desaCode && (
              <Text size="sm">
                {t("cases.person.desa")}: {p.desaCode}
              </Text>
            )}
            {p.relationship && (
              <Text size="sm">
                {t("cases.person.relationship")}: {p.relationship}
              </Text>
            )}
            {p.aliases && p.aliases.length > 0 && (
              <Text size="sm">
                {t("cases.person.aliases")}: {p.aliases.join(", ")}
              </Text>
            )}
            {p.bankAccounts && p.bankAccounts.length > 0 && (
              <Text size="sm">
                {t("cases.person.bankAccounts")}: {p.bankAccounts.join(", ")}
              </Text>
            )}
            {p.companies && p.companies.length > 0 && (
              <Text size="sm">
                {t("cases.person.companies")}: {p.companies.join(", ")}
              </Text>
            )}
          </SimpleGrid>
        </Stack>
      ))}
      <FormModal
        opened={open}
        title={t("cases.person.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/persons`, personCreateInput(draft));
          reload();
        }}
      >
        {(submission) => <PersonFields value={draft} onChange={setDraft} errors={submission.fields} chooseKind />}
      </FormModal>
    </Stack>
  );
}

// ---- trafficking events ----
export function EventsTab({ detail, canEdit, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<string>("Recruitment");
  const [country, setCountry] = useState("");
  const [city, setCity] = useState("");
  const [place, setPlace] = useState("");
  const [dateFrom, setDateFrom] = useState("");
  const [dateTo, setDateTo] = useState("");
  const [recruitment, setRecruitment] = useState<string[]>([]);
  const [control, setControl] = useState<string[]>([]);
  const [exploitation, setExploitation] = useState<string[]>([]);
  const [description, setDescription] = useState("");
  const labels = (prefix: string, values: string[]) => values.map((v) => t(`${prefix}.${v}`)).join(", ");
  return (
    <Stack>
      <AddButton show={canEdit} label={t("cases.event.add")} onClick={() => setOpen(true)} />
      <Empty shown={detail.events.length === 0}>{t("cases.event.empty")}</Empty>
      {detail.events.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("cases.event.stage")}</Table.Th>
                <Table.Th>{t("cases.event.where")}</Table.Th>
                <Table.Th>{t("cases.event.when")}</Table.Th>
                <Table.Th>{t("cases.event.details")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{t(`cases.event.stages.${e.stage}`)}</Table.Td>
                  <Table.Td>{[e.place, e.city, e.country].filter(Boolean).join(", ") || "–"}</Table.Td>
                  <Table.Td>
                    {day(e.dateFrom)}
                    {e.dateTo ? ` – ${day(e.dateTo)}` : ""}
                  </Table.Td>
                  <Table.Td>
                    {e.recruitmentMethods.length > 0 && <Text size="sm">{t("cases.event.recruitment")}: {labels("cases.htcds.recruitment", e.recruitmentMethods)}</Text>}
                    {e.controlMethods.length > 0 && <Text size="sm">{t("cases.event.control")}: {labels("cases.htcds.control", e.controlMethods)}</Text>}
                    {e.exploitationTypes.length > 0 && <Text size="sm">{t("cases.event.exploitation")}: {labels("cases.htcds.exploitation", e.exploitationTypes)}</Text>}
                    {e.description && <Text size="sm">{e.description}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal
        opened={open}
        title={t("cases.event.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/events`, {
            stage,
            ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
            ...(city.trim() ? { city: city.trim() } : {}),
            ...(place.trim() ? { place: place.trim() } : {}),
            ...(dateFrom ? { dateFrom } : {}),
            ...(dateTo ? { dateTo } : {}),
            ...(recruitment.length ? { recruitmentMethods: recruitment } : {}),
            ...(control.length ? { controlMethods: control } : {}),
            ...(exploitation.length ? { exploitationTypes: exploitation } : {}),
            ...(description.trim() ? { description: description.trim() } : {}),
          });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Select label={t("cases.event.stage")} data={options(t, "cases.event.stages", EVENT_STAGES)} value={stage} onChange={(v) => setStage(v ?? "Recruitment")} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t("cases.event.country")} description={t("cases.event.countryHint")} maxLength={2} value={country} onChange={(e) => setCountry(e.currentTarget.value)} error={submission.fields.country} />
              <TextInput label={t("cases.event.city")} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
              <TextInput label={t("cases.event.place")} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
              <TextInput type="date" label={t("cases.event.dateFrom")} value={dateFrom} onChange={(e) => setDateFrom(e.currentTarget.value)} />
              <TextInput type="date" label={t("cases.event.dateTo")} value={dateTo} onChange={(e) => setDateTo(e.currentTarget.value)} error={submission.fields.dateTo} />
            </SimpleGrid>
            <MultiSelect label={t("cases.event.recruitment")} data={options(t, "cases.htcds.recruitment", RECRUITMENT_METHODS)} value={recruitment} onChange={setRecruitment} searchable />
            <MultiSelect label={t("cases.event.control")} data={options(t, "cases.htcds.control", METHODS_OF_CONTROL)} value={control} onChange={setControl} searchable />
            <MultiSelect label={t("cases.event.exploitation")} data={options(t, "cases.htcds.exploitation", EXPLOITATION_TYPES)} value={exploitation} onChange={setExploitation} searchable />
            <Textarea label={t("cases.event.description")} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          </>
        )}
      </FormModal>
    </Stack>
  );
}

// ---- assessments ----
export function AssessmentsTab({ detail, canEdit, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [risk, setRisk] = useState<string>("medium");
  const [needs, setNeeds] = useState<string[]>([]);
  const [summary, setSummary] = useState("");
  return (
    <Stack>
      <AddButton show={canEdit} label={t("cases.assessment.add")} onClick={() => setOpen(true)} />
      <Empty shown={detail.assessments.length === 0}>{t("cases.assessment.empty")}</Empty>
      {detail.assessments.map((a) => (
        <Stack key={a.id} gap={2}>
          <Group gap="xs">
            <Text fw={600}>{formatDateTime(a.assessedAt)}</Text>
            <Badge color={a.risk === "high" ? "red" : a.risk === "medium" ? "orange" : "gray"}>{t(`cases.assessment.risk.${a.risk}`)}</Badge>
          </Group>
          {a.needs.length > 0 && (
            <Text size="sm">
              {t("cases.assessment.needs")}: {a.needs.map((n) => t(`cases.service.type.${n}`)).join(", ")}
            </Text>
          )}
          {a.summary && <Text size="sm">{a.summary}</Text>}
        </Stack>
      ))}
      <FormModal
        opened={open}
        title={t("cases.assessment.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/assessments`, { risk, needs, ...(summary.trim() ? { summary: summary.trim() } : {}) });
          reload();
        }}
      >
        {() => (
          <>
            <Select label={t("cases.assessment.riskLabel")} data={options(t, "cases.assessment.risk", RISKS)} value={risk} onChange={(v) => setRisk(v ?? "medium")} />
            <MultiSelect label={t("cases.assessment.needs")} data={options(t, "cases.service.type", SERVICE_TYPES)} value={needs} onChange={setNeeds} />
            <Textarea label={t("cases.assessment.summary")} autosize minRows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
          </>
        )}
      </FormModal>
    </Stack>
  );
}

// ---- service plan ----
function ServiceStatus({ caseId, serviceId, value, editable, onDone }: { caseId: string; serviceId: string; value: string; editable: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  if (!editable) return <Badge variant="light">{t(`cases.service.status.${value}`)}</Badge>;
  return (
    <Stack gap={2}>
      <Select
        aria-label={t("cases.service.statusLabel")}
        size="xs"
        data={options(t, "cases.service.status", SERVICE_STATUSES)}
        value={value}
        allowDeselect={false}
        onChange={(next) => {
          if (!next || next === value) return;
          setError(null);
          api
            .patch(`/api/cases/${caseId}/services/${serviceId}`, { status: next })
            .then(onDone)
            .catch((caught: unknown) => setError(errorMessage(caught)));
        }}
      />
      {error && (
        <Text c="red" size="xs" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

export function ServicesTab({ detail, canEdit, reload }: TabProps) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<string>("shelter");
  const [provider, setProvider] = useState("");
  const [due, setDue] = useState("");
  const [notes, setNotes] = useState("");
  // After closure only referral recipients still report progress (the API's rule); the team reopens first.
  const canUpdate = detail.access !== "aggregate" && (detail.status !== "closed" || detail.access !== "team");
  return (
    <Stack>
      <AddButton show={canEdit} label={t("cases.service.add")} onClick={() => setOpen(true)} />
      <Empty shown={detail.services.length === 0}>{t("cases.service.empty")}</Empty>
      {detail.services.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("cases.service.typeLabel")}</Table.Th>
                <Table.Th>{t("cases.service.provider")}</Table.Th>
                <Table.Th>{t("cases.service.statusLabel")}</Table.Th>
                <Table.Th>{t("cases.service.due")}</Table.Th>
                <Table.Th>{t("cases.service.notes")}</Table.Th>
                {canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.services.map((s) => (
                <Table.Tr key={s.id} bg={s.overdue ? "red.0" : undefined}>
                  <Table.Td>{t(`cases.service.type.${s.type}`)}</Table.Td>
                  <Table.Td>{s.providerAgency?.name ?? "–"}</Table.Td>
                  <Table.Td>
                    <ServiceStatus caseId={detail.id} serviceId={s.id} value={s.status} editable={canUpdate} onDone={reload} />
                  </Table.Td>
                  <Table.Td>
                    {day(s.dueDate)}
                    {s.overdue && (
                      <Badge color="red" variant="filled" ml={4}>
                        {t("cases.overdue")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{dash(s.notes)}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <ServiceEditButton caseId={detail.id} service={s} onDone={reload} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal
        opened={open}
        title={t("cases.service.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/services`, {
            type,
            ...(provider ? { providerAgencyId: provider } : {}),
            ...(due ? { dueDate: due } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Select label={t("cases.service.typeLabel")} data={options(t, "cases.service.type", SERVICE_TYPES)} value={type} onChange={(v) => setType(v ?? "shelter")} />
            <Select label={t("cases.service.provider")} data={agencies} value={provider || null} searchable clearable onChange={(v) => setProvider(v ?? "")} error={submission.fields.providerAgencyId} />
            <TextInput type="date" label={t("cases.service.due")} value={due} onChange={(e) => setDue(e.currentTarget.value)} error={submission.fields.dueDate} />
            <Textarea label={t("cases.service.notes")} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          </>
        )}
      </FormModal>
    </Stack>
  );
}

// ---- legal milestones ----
export function LegalTab({ detail, canEdit, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<string>("police_report");
  const [date, setDate] = useState("");
  const [articles, setArticles] = useState("");
  const [reference, setReference] = useState("");
  const [notes, setNotes] = useState("");
  return (
    <Stack>
      <AddButton show={canEdit} label={t("cases.legal.add")} onClick={() => setOpen(true)} />
      <Empty shown={detail.legal.length === 0}>{t("cases.legal.empty")}</Empty>
      {detail.legal.map((l) => (
        <Stack key={l.id} gap={2}>
          <Text fw={600}>
            {day(l.date)} · {t(`cases.legal.stage.${l.stage}`)}
          </Text>
          {l.articles.length > 0 && <Text size="sm">{t("cases.legal.articlesList", { list: l.articles.join(", ") })}</Text>}
          {l.reference && (
            <Text size="sm">
              {t("cases.legal.reference")}: {l.reference}
            </Text>
          )}
          {l.notes && <Text size="sm">{l.notes}</Text>}
        </Stack>
      ))}
      <FormModal
        opened={open}
        title={t("cases.legal.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/legal`, {
            stage,
            date,
            articles: splitList(articles),
            ...(reference.trim() ? { reference: reference.trim() } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Select label={t("cases.legal.stageLabel")} data={options(t, "cases.legal.stage", LEGAL_STAGES)} value={stage} onChange={(v) => setStage(v ?? "police_report")} />
            <TextInput type="date" required label={t("cases.legal.date")} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={submission.fields.date} />
            <TextInput
              label={t("cases.legal.articles")}
              description={t("cases.legal.articlesHint")}
              value={articles}
              onChange={(e) => setArticles(e.currentTarget.value)}
              error={Object.entries(submission.fields).find(([k]) => k.startsWith("articles"))?.[1]}
            />
            <TextInput label={t("cases.legal.reference")} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
            <Textarea label={t("cases.legal.notes")} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          </>
        )}
      </FormModal>
    </Stack>
  );
}

// ---- notes ----
export function NotesTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canNote = detail.status !== "closed" && detail.access !== "aggregate";
  return (
    <Stack>
      <Empty shown={detail.notes.length === 0}>{t("cases.note.empty")}</Empty>
      {detail.notes.map((n) => (
        <Stack key={n.id} gap={2}>
          <Text size="xs" c="dimmed">
            {formatDateTime(n.createdAt)} · {n.author?.displayName ?? "–"}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {n.body}
          </Text>
        </Stack>
      ))}
      {canNote && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim()) return;
            setBusy(true);
            setError(null);
            api
              .post(`/api/cases/${detail.id}/notes`, { body: body.trim() })
              .then(() => {
                setBody("");
                reload();
              })
              .catch((caught: unknown) => setError(errorMessage(caught)))
              .finally(() => setBusy(false));
          }}
        >
          <Stack gap="xs">
            <Textarea label={t("cases.note.new")} autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={error} />
            <Group>
              <Button type="submit" loading={busy} disabled={!body.trim()}>
                {t("cases.note.add")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

// ---- consents ----
export function ConsentsTab({ detail, canEdit, reload }: TabProps) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState<string>("share_with_agency");
  const [agencyId, setAgencyId] = useState("");
  const [personId, setPersonId] = useState("");
  const [given, setGiven] = useState<string>("yes");
  const [method, setMethod] = useState<string>("written");
  const [error, setError] = useState<string | null>(null);
  const victims = detail.persons.filter((p) => p.kind === "victim");
  return (
    <Stack>
      <AddButton
        show={canEdit}
        label={t("cases.consent.add")}
        onClick={() => {
          setPurpose("share_with_agency");
          setAgencyId("");
          setPersonId(victims[0]?.id ?? "");
          setGiven("yes");
          setMethod("written");
          setOpen(true);
        }}
      />
      <Empty shown={detail.consents.length === 0}>{t("cases.consent.empty")}</Empty>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      {detail.consents.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("cases.consent.purposeLabel")}</Table.Th>
              <Table.Th>{t("cases.consent.agency")}</Table.Th>
              <Table.Th>{t("cases.consent.givenLabel")}</Table.Th>
              <Table.Th>{t("cases.consent.recorded")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.consents.map((c) => (
              <Table.Tr key={c.id} data-testid="consent-row">
                <Table.Td>{t(`cases.consent.purpose.${c.purpose}`)}</Table.Td>
                <Table.Td>{c.agency?.name ?? "–"}</Table.Td>
                <Table.Td>
                  <Badge color={c.withdrawnAt ? "gray" : c.given ? "teal" : "red"}>
                    {c.withdrawnAt ? t("cases.consent.withdrawn") : c.given ? t("cases.consent.given") : t("cases.consent.refused")}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t(`cases.consent.method.${c.method}`, { defaultValue: c.method })}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(c.recordedAt)}</Table.Td>
                <Table.Td>
                  {canEdit && !c.withdrawnAt && c.given && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setError(null);
                        api
                          .post(`/api/cases/${detail.id}/consents/${c.id}/withdraw`)
                          .then(reload)
                          .catch((caught: unknown) => setError(errorMessage(caught)));
                      }}
                    >
                      {t("cases.consent.withdraw")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormModal
        opened={open}
        title={t("cases.consent.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/consents`, {
            purpose,
            given: given === "yes",
            method,
            ...(personId ? { personId } : {}),
            ...(purpose === "share_with_agency" && agencyId ? { agencyId } : {}),
          });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Select label={t("cases.consent.purposeLabel")} data={options(t, "cases.consent.purpose", CONSENT_PURPOSES)} value={purpose} onChange={(v) => setPurpose(v ?? "share_with_agency")} />
            {purpose === "share_with_agency" && (
              <Select label={t("cases.consent.agency")} data={agencies} value={agencyId || null} searchable required onChange={(v) => setAgencyId(v ?? "")} error={submission.fields.agencyId} />
            )}
            {victims.length > 0 && (
              <Select
                label={t("cases.consent.person")}
                data={victims.map((p) => ({ value: p.id, label: personLabel(t, p) }))}
                value={personId || null}
                clearable
                onChange={(v) => setPersonId(v ?? "")}
              />
            )}
            <Select
              label={t("cases.consent.givenLabel")}
              data={[
                { value: "yes", label: t("cases.consent.given") },
                { value: "no", label: t("cases.consent.refused") },
              ]}
              value={given}
              allowDeselect={false}
              onChange={(v) => setGiven(v ?? "yes")}
            />
            <Select label={t("cases.consent.methodLabel")} data={options(t, "cases.consent.method", CONSENT_METHODS)} value={method} onChange={(v) => setMethod(v ?? "written")} />
          </>
        )}
      </FormModal>
    </Stack>
  );
}
