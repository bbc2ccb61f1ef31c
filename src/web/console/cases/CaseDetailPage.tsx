// One case at the caller's access level: header with status, HTCDS export and the owner's
// closure/reopening, then tabs. The server decides which fields arrive (identity only for the team
// and referral recipients) and which actions are offered (`detail.abilities`, from the case policy);
// the page shows what it gets and keeps it in React state only.
import { Alert, Badge, Button, Group, Loader, Select, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { type ComponentType, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import {
  CASE_STATUSES,
  type CaseDetail,
  CASES_PATH,
  CLOSURE_REASONS,
  DECISION_ORGS,
  PRIORITIES,
  TRAFFICKING_STATUSES,
} from "../../lib/cases";
import { formatDateTime } from "../../lib/format";
import { useRegionNames, useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { AssessmentsTab } from "./AssessmentsTab";
import { ConsentsTab } from "./ConsentsTab";
import { DocumentsTab } from "./Documents";
import { EventsTab } from "./EventsTab";
import { FormModal } from "./FormModal";
import { LegalTab } from "./LegalTab";
import { NotesTab } from "./NotesTab";
import { PersonsTab } from "./PersonsTab";
import { ReferralCreate, ReferralTable } from "./Referrals";
import { ServicesTab } from "./ServicesTab";
import { CaseBadges, Fact, options, Section } from "./shared";
import { TeamTab } from "./TeamTab";
import { LoadFailed, PageHeader } from "../PageHeader";
import { NoteField } from "../fields";

export interface TabProps {
  detail: CaseDetail;
  reload: () => void;
}

/** The tabs, in order, and what each shows. */
const TABS = {
  persons: PersonsTab,
  events: EventsTab,
  assessment: AssessmentsTab,
  services: ServicesTab,
  legal: LegalTab,
  notes: NotesTab,
  documents: DocumentsTab,
  consents: ConsentsTab,
  team: TeamTab,
  referrals: ({ detail, reload }: TabProps) => <ReferralTable items={detail.referrals} onDone={reload} />,
} satisfies Record<string, ComponentType<TabProps>>;

export function CaseDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const resource = useResource<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);
  const [detail, setDetail] = useState<CaseDetail | undefined>(undefined);
  useEffect(() => setDetail(resource.data), [resource.data]);
  usePageTitle(detail ? t("cases.detailTitle", { code: detail.code }) : t("cases.title"));
  const names = useRegionNames(detail?.regionCode ? [detail.regionCode] : []);
  const [dialog, setDialog] = useState<"edit" | "close" | "reopen" | "refer" | null>(null);

  if (resource.error) {
    return <LoadFailed title={t("cases.title")} error={resource.error} backHref={CASES_PATH} backLabel={t("cases.back")} />;
  }
  if (!detail) return <Loader aria-label={t("common.loading")} />;

  const can = detail.abilities;
  const closed = detail.status === "closed";
  const reload = resource.reload;
  const tabProps: TabProps = { detail, reload };
  const tabs = (Object.keys(TABS) as (keyof typeof TABS)[]).filter((tab) => tab !== "documents" || can.documents);

  return (
    <Stack>
      <PageHeader
        back={{ href: CASES_PATH, label: t("cases.back") }}
        title={t("cases.detailTitle", { code: detail.code })}
        badges={
          <>
            <CaseBadges item={detail} />
            <Badge variant="outline" color="gray">
              {t(`cases.access.${detail.access}`)}
            </Badge>
          </>
        }
        actions={
          <Group gap="xs">
            {can.edit && (
              <Button variant="default" onClick={() => setDialog("edit")}>
                {t("cases.edit.button")}
              </Button>
            )}
            {can.refer && (
              <Button variant="default" onClick={() => setDialog("refer")}>
                {t("cases.referrals.new")}
              </Button>
            )}
            {can.close && (
              <Button color="red" variant="light" onClick={() => setDialog("close")}>
                {t("cases.close.button")}
              </Button>
            )}
            {can.reopen && (
              <Button variant="light" onClick={() => setDialog("reopen")}>
                {t("cases.reopen.button")}
              </Button>
            )}
            {can.export && (
              <>
                <Button component="a" variant="subtle" href={`/api/cases/${detail.id}/export/htcds?format=json`} download>
                  {t("cases.export.json")}
                </Button>
                <Button component="a" variant="subtle" href={`/api/cases/${detail.id}/export/htcds?format=csv`} download>
                  {t("cases.export.csv")}
                </Button>
              </>
            )}
          </Group>
        }
      />

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Fact label={t("cases.owner")}>
          {detail.owner.displayName}
          {detail.owner.agency ? ` · ${detail.owner.agency.name}` : ""}
        </Fact>
        <Fact label={t("cases.originLabel")}>{t(`cases.origin.${detail.origin}`)}</Fact>
        <Fact label={t("cases.opened")}>{formatDateTime(detail.createdAt)}</Fact>
        <Fact label={t("cases.region")}>{detail.regionCode ? (names[detail.regionCode] ?? detail.regionCode) : "–"}</Fact>
        <Fact label={t("cases.traffickingLabel")}>
          {t(`cases.trafficking.${detail.traffickingStatus}`)}
          {detail.traffickingStatusOrg ? ` · ${t(`cases.decisionOrg.${detail.traffickingStatusOrg}`)}` : ""}
        </Fact>
        {closed && (
          <Fact label={t("cases.close.reasonLabel")}>
            {detail.closureReason ? t(`cases.close.reason.${detail.closureReason}`) : "–"}
            {detail.closedAt ? ` · ${formatDateTime(detail.closedAt)}` : ""}
          </Fact>
        )}
        {detail.reopenedAt && <Fact label={t("cases.reopen.at")}>{formatDateTime(detail.reopenedAt)}</Fact>}
      </SimpleGrid>
      {detail.summary !== undefined && detail.summary !== null && (
        <Section title={t("cases.summary")}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{detail.summary}</Text>
        </Section>
      )}
      {!can.readIdentity && <Alert color="gray">{t("cases.aggregateNotice")}</Alert>}

      <Tabs defaultValue="persons" keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`cases.tabs.${tab}`)}
              {tab === "referrals" && detail.overdueReferrals > 0 ? ` (${detail.overdueReferrals}!)` : ""}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => {
          const Content = TABS[tab];
          return (
            <Tabs.Panel key={tab} value={tab} pt="md">
              <Content {...tabProps} />
            </Tabs.Panel>
          );
        })}
      </Tabs>

      {can.refer && <ReferralCreate detail={detail} opened={dialog === "refer"} onClose={() => setDialog(null)} onDone={reload} />}
      <EditDialog detail={detail} opened={dialog === "edit"} onClose={() => setDialog(null)} onDone={setDetail} />
      <CloseDialog detail={detail} opened={dialog === "close"} onClose={() => setDialog(null)} onDone={setDetail} />
      <ReopenDialog detail={detail} opened={dialog === "reopen"} onClose={() => setDialog(null)} onDone={setDetail} />
    </Stack>
  );
}

interface DialogProps {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}

function EditDialog({ detail, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(detail.status);
  const [priority, setPriority] = useState<string>(detail.priority);
  const [trafficking, setTrafficking] = useState<string>(detail.traffickingStatus);
  const [org, setOrg] = useState<string>(detail.traffickingStatusOrg ?? "");
  const [summary, setSummary] = useState(detail.summary ?? "");
  const editable = CASE_STATUSES.filter((s) => s !== "closed");
  return (
    <FormModal
      opened={opened}
      title={t("cases.edit.title", { code: detail.code })}
      onClose={onClose}
      onSubmit={async () => {
        const changedTrafficking = trafficking !== detail.traffickingStatus || (org && org !== detail.traffickingStatusOrg);
        const updated = await api.patch<CaseDetail>(`/api/cases/${detail.id}`, {
          ...(status !== detail.status ? { status } : {}),
          ...(priority !== detail.priority ? { priority } : {}),
          ...(summary.trim() !== (detail.summary ?? "") ? { summary: summary.trim() || null } : {}),
          ...(changedTrafficking ? { traffickingStatus: trafficking, ...(org ? { traffickingStatusOrg: org } : {}) } : {}),
        });
        onDone(updated);
      }}
    >
      {(submission) => (
        <>
          <Select
            label={t("cases.statusLabel")}
            data={options(t, "cases.status", editable)}
            value={status}
            onChange={(v) => setStatus(v ?? detail.status)}
            error={submission.fields.status}
          />
          <Select
            label={t("cases.priorityLabel")}
            data={options(t, "cases.priority", PRIORITIES)}
            value={priority}
            onChange={(v) => setPriority(v ?? detail.priority)}
          />
          <Select
            label={t("cases.traffickingLabel")}
            data={options(t, "cases.trafficking", TRAFFICKING_STATUSES)}
            value={trafficking}
            onChange={(v) => setTrafficking(v ?? detail.traffickingStatus)}
          />
          <Select
            label={t("cases.decisionOrgLabel")}
            data={options(t, "cases.decisionOrg", DECISION_ORGS)}
            value={org || null}
            clearable
            onChange={(v) => setOrg(v ?? "")}
            error={submission.fields.traffickingStatusOrg}
          />
          {detail.summary !== undefined && (
            <NoteField label={t("cases.summary")} minRows={3} value={summary} onChange={setSummary} error={submission.fields.summary} />
          )}
        </>
      )}
    </FormModal>
  );
}

function CloseDialog({ detail, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string>("services_completed");
  const [note, setNote] = useState("");
  return (
    <FormModal
      opened={opened}
      danger
      title={t("cases.close.title", { code: detail.code })}
      submitLabel={t("cases.close.button")}
      onClose={onClose}
      onSubmit={async () => {
        onDone(await api.post<CaseDetail>(`/api/cases/${detail.id}/close`, { reason, ...(note.trim() ? { note: note.trim() } : {}) }));
      }}
    >
      {(submission) => (
        <>
          <Text size="sm">{t("cases.close.lead")}</Text>
          <Select
            label={t("cases.close.reasonLabel")}
            data={options(t, "cases.close.reason", CLOSURE_REASONS)}
            value={reason}
            onChange={(v) => setReason(v ?? "other")}
          />
          <NoteField label={t("cases.close.note")} value={note} onChange={setNote} error={submission.fields.note} />
        </>
      )}
    </FormModal>
  );
}

function ReopenDialog({ detail, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <FormModal
      opened={opened}
      title={t("cases.reopen.title", { code: detail.code })}
      submitLabel={t("cases.reopen.button")}
      onClose={onClose}
      onSubmit={async () => {
        onDone(await api.post<CaseDetail>(`/api/cases/${detail.id}/reopen`, { reason: reason.trim() }));
      }}
    >
      {(submission) => (
        <NoteField label={t("cases.reopen.reason")} required value={reason} onChange={setReason} error={submission.fields.reason} />
      )}
    </FormModal>
  );
}
