// Coordination of the task force (its own lazy chunk): action items, meetings and the agency directory,
// and one meeting's page (attendance, minutes, decisions with action items, minutes PDF).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, query, request } from "../../lib/api";
import { formatDate, formatDateTime } from "../../lib/format";
import { Link, navigate, useLocation } from "../../lib/router";
import type { Me } from "../../lib/types";
import { useResource } from "../hooks";
import { PageNotFound } from "../Placeholder";
import { usePageTitle } from "../usePageTitle";
import { PageHeader } from "../PageHeader";
import { SimpleTable } from "../SimpleTable";

export const COORDINATION_PATH = "/konsol/koordinasi";
const MEETING_PATH = `${COORDINATION_PATH}/rapat`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TASK_FORCES = ["prevention", "health_rehabilitation", "social_rehabilitation", "law_enforcement", "coordination"] as const;
const STATUSES = ["open", "in_progress", "done", "dropped"] as const;

type Agency = { id: string; code: string; name: string; category: string; taskForces: string[]; focalPoints: FocalPoint[] };
type FocalPoint = { id: string; name: string; position: string | null; phone: string | null };
type ActionItem = {
  id: string;
  meetingId: string;
  meetingTitle: string;
  title: string;
  ownerAgency: { id: string; name: string };
  ownerUser: { id: string; name: string } | null;
  dueDate: string;
  status: (typeof STATUSES)[number];
  proof: string | null;
  link: { kind: string; ref: string } | null;
  overdue: boolean;
  canUpdate: boolean;
};
type MeetingSummary = {
  id: string;
  title: string;
  startsAt: string;
  place: string | null;
  onlineUrl: string | null;
  decisionCount: number;
  openActionItems: number;
};
type Meeting = {
  id: string;
  title: string;
  startsAt: string;
  place: string | null;
  onlineUrl: string | null;
  agenda: string;
  invitedAgencies: { id: string; name: string }[];
  attendance: { agencyId: string; agencyName: string; present: boolean; headcount: number }[];
  minutes: string | null;
  decisions: { id: string; seq: number; text: string; actionItems: ActionItem[] }[];
  canManage: boolean;
};

function useSubmit() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(fn: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      if (e instanceof ApiError) setError([e.message, ...Object.entries(e.fields).map(([k, v]) => `${k}: ${v}`)].join(" "));
      else setError(String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  const alert: ReactNode = error ? (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  ) : null;
  return { run, busy, alert };
}

export default function CoordinationArea({ me }: { me: Me }) {
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "");
  if (path === COORDINATION_PATH) return <Overview me={me} />;
  const id = path.slice(MEETING_PATH.length + 1);
  if (path.startsWith(`${MEETING_PATH}/`) && UUID.test(id)) return <MeetingPage key={id} id={id} />;
  return <PageNotFound />;
}

function Overview({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t("coordination.title"));
  return (
    <Stack>
      <PageHeader title={t("coordination.title")} />
      <Tabs defaultValue="actionItems" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="actionItems">{t("coordination.tabs.actionItems")}</Tabs.Tab>
          <Tabs.Tab value="meetings">{t("coordination.tabs.meetings")}</Tabs.Tab>
          <Tabs.Tab value="directory">{t("coordination.tabs.directory")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="actionItems" pt="md">
          <ActionItems />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <Meetings manage={me.abilities.manageCoordination === true} />
        </Tabs.Panel>
        <Tabs.Panel value="directory" pt="md">
          <Directory manage={me.abilities.manageCoordination === true} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function StatusBadge({ item }: { item: Pick<ActionItem, "status" | "overdue"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={item.status === "done" ? "green" : item.status === "dropped" ? "gray" : "blue"}>
        {t(`coordination.status.${item.status}`)}
      </Badge>
      {item.overdue && <Badge color="red">{t("coordination.overdue")}</Badge>}
    </Group>
  );
}

const ITEM_STATUSES = ["open", "in_progress", "done", "dropped"] as const;

function ActionItems() {
  const { t } = useTranslation();
  // A dashboard number links here with its filters in the address (?overdue=true, ?status=open).
  const { search } = useLocation();
  const [overdue, setOverdue] = useState(search.get("overdue") === "true");
  const [status, setStatus] = useState<string | null>(search.get("status"));
  const list = useResource<{ items: ActionItem[] }>(
    `/api/coordination/action-items${query({ overdue: overdue ? "true" : undefined, status: status ?? undefined })}`,
  );
  return (
    <Stack>
      <Group>
        <Checkbox label={t("coordination.onlyOverdue")} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
        <Select
          aria-label={t("coordination.statusLabel")}
          placeholder={t("coordination.statusLabel")}
          data={ITEM_STATUSES.map((value) => ({ value, label: t(`coordination.status.${value}`) }))}
          value={status}
          onChange={setStatus}
          clearable
        />
      </Group>
      {list.data?.items.length === 0 && <Text c="dimmed">{t("coordination.noActionItems")}</Text>}
      {list.data?.items.map((item) => (
        <ActionItemCard key={item.id} item={item} onSaved={list.reload} />
      ))}
    </Stack>
  );
}

function ActionItemCard({ item, onSaved }: { item: ActionItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(item.status);
  const [proof, setProof] = useState(item.proof ?? "");
  const submit = useSubmit();
  return (
    <Paper withBorder p="sm" data-testid="action-item">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{item.title}</Text>
          <StatusBadge item={item} />
        </Group>
        <Text size="sm" c="dimmed">
          {t("coordination.ownerDue", {
            owner: item.ownerAgency.name + (item.ownerUser ? ` — ${item.ownerUser.name}` : ""),
            due: formatDate(item.dueDate),
          })}
          {" · "}
          <Anchor component={Link} href={`${MEETING_PATH}/${item.meetingId}`}>
            {item.meetingTitle}
          </Anchor>
          {item.link && ` · ${t(`coordination.link.${item.link.kind}`)} ${item.link.ref}`}
        </Text>
        {item.proof && <Text size="sm">{t("coordination.proofShown", { proof: item.proof })}</Text>}
        {item.canUpdate && (
          <Group align="end">
            <Select
              label={t("coordination.statusLabel")}
              data={STATUSES.map((s) => ({ value: s, label: t(`coordination.status.${s}`) }))}
              value={status}
              onChange={(v) => v && setStatus(v)}
              allowDeselect={false}
              w={180}
            />
            <TextInput
              label={t("coordination.proof")}
              value={proof}
              onChange={(e) => setProof(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              loading={submit.busy}
              onClick={() =>
                submit
                  .run(() => api.patch(`/api/coordination/action-items/${item.id}`, { status, proof: proof.trim() || null }))
                  .then((ok) => ok && onSaved())
              }
            >
              {t("coordination.save")}
            </Button>
          </Group>
        )}
        {submit.alert}
      </Stack>
    </Paper>
  );
}

function Meetings({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const list = useResource<{ items: MeetingSummary[] }>("/api/coordination/meetings");
  return (
    <Stack>
      {manage && <PlanMeeting />}
      <SimpleTable
        headers={[
          t("coordination.meeting.title"),
          t("coordination.meeting.startsAt"),
          t("coordination.meeting.decisions"),
          t("coordination.meeting.openItems"),
        ]}
      >
        {list.data?.items.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Anchor component={Link} href={`${MEETING_PATH}/${m.id}`}>
                {m.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDateTime(m.startsAt)}</Table.Td>
            <Table.Td>{m.decisionCount}</Table.Td>
            <Table.Td>{m.openActionItems}</Table.Td>
          </Table.Tr>
        ))}
      </SimpleTable>
    </Stack>
  );
}

function useAgencies() {
  const dir = useResource<{ items: Agency[] }>("/api/coordination/agencies");
  return { dir, options: (dir.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })) };
}

function PlanMeeting() {
  const { t } = useTranslation();
  const { options } = useAgencies();
  const [f, setF] = useState({ title: "", startsAt: "", place: "", onlineUrl: "", agenda: "", invited: [] as string[] });
  const submit = useSubmit();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("coordination.plan.heading")}
        </Title>
        <TextInput
          label={t("coordination.meeting.title")}
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
          required
        />
        <TextInput
          type="datetime-local"
          label={t("coordination.meeting.startsAtWib")}
          value={f.startsAt}
          onChange={(e) => setF({ ...f, startsAt: e.currentTarget.value })}
          required
        />
        <Group grow>
          <TextInput
            label={t("coordination.meeting.place")}
            value={f.place}
            onChange={(e) => setF({ ...f, place: e.currentTarget.value })}
          />
          <TextInput
            label={t("coordination.meeting.onlineUrl")}
            value={f.onlineUrl}
            onChange={(e) => setF({ ...f, onlineUrl: e.currentTarget.value })}
          />
        </Group>
        <Textarea
          label={t("coordination.meeting.agenda")}
          value={f.agenda}
          onChange={(e) => setF({ ...f, agenda: e.currentTarget.value })}
          autosize
          minRows={2}
        />
        <MultiSelect
          label={t("coordination.meeting.invited")}
          data={options}
          value={f.invited}
          onChange={(v) => setF({ ...f, invited: v })}
          searchable
        />
        {submit.alert}
        <Group>
          <Button
            loading={submit.busy}
            onClick={() =>
              submit.run(async () => {
                const m = await api.post<Meeting>("/api/coordination/meetings", {
                  title: f.title,
                  startsAt: f.startsAt,
                  place: f.place.trim() || null,
                  onlineUrl: f.onlineUrl.trim() || null,
                  agenda: f.agenda,
                  invitedAgencyIds: f.invited,
                });
                navigate(`${MEETING_PATH}/${m.id}`);
              })
            }
          >
            {t("coordination.plan.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const res = useResource<Meeting>(`/api/coordination/meetings/${id}`);
  usePageTitle(res.data?.title ?? t("coordination.title"));
  const m = res.data;
  if (res.error instanceof ApiError && res.error.status === 404) return <PageNotFound />;
  if (!m) return null;
  return (
    <Stack>
      <Anchor component={Link} href={COORDINATION_PATH} size="sm">
        {t("coordination.back")}
      </Anchor>
      <PageHeader
        title={m.title}
        actions={
          <Button component="a" variant="default" href={`/api/coordination/meetings/${m.id}/minutes.pdf`} download>
            {t("coordination.minutesPdf")}
          </Button>
        }
      />
      <Text>
        {formatDateTime(m.startsAt)} · {[m.place, m.onlineUrl].filter(Boolean).join(" / ") || "–"}
      </Text>
      {m.agenda && <Text style={{ whiteSpace: "pre-line" }}>{m.agenda}</Text>}
      <Attendance meeting={m} onSaved={res.reload} />
      <Minutes meeting={m} onSaved={res.reload} />
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            {t("coordination.decisions")}
          </Title>
          {m.decisions.length === 0 && <Text c="dimmed">{t("coordination.noDecisions")}</Text>}
          {m.decisions.map((d) => (
            <Stack key={d.id} gap={6}>
              <Text fw={600}>
                {d.seq}. {d.text}
              </Text>
              {d.actionItems.map((item) => (
                <ActionItemCard key={item.id} item={item} onSaved={res.reload} />
              ))}
            </Stack>
          ))}
          {m.canManage && <AddDecision meetingId={m.id} onSaved={res.reload} />}
        </Stack>
      </Paper>
    </Stack>
  );
}

function Attendance({ meeting: m, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<string[]>(m.attendance.filter((a) => a.present).map((a) => a.agencyId));
  const submit = useSubmit();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("coordination.attendance")}
        </Title>
        {m.invitedAgencies.map((a) => (
          <Checkbox
            key={a.id}
            label={a.name}
            checked={present.includes(a.id)}
            disabled={!m.canManage}
            onChange={(e) => setPresent(e.currentTarget.checked ? [...present, a.id] : present.filter((x) => x !== a.id))}
          />
        ))}
        {submit.alert}
        {m.canManage && (
          <Group>
            <Button
              variant="default"
              loading={submit.busy}
              onClick={() =>
                submit
                  .run(() =>
                    request("PUT", `/api/coordination/meetings/${m.id}/attendance`, {
                      attendance: m.invitedAgencies.map((a) => ({
                        agencyId: a.id,
                        present: present.includes(a.id),
                        headcount: present.includes(a.id) ? 1 : 0,
                      })),
                    }),
                  )
                  .then((ok) => ok && onSaved())
              }
            >
              {t("coordination.saveAttendance")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Minutes({ meeting: m, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(m.minutes ?? "");
  const submit = useSubmit();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("coordination.minutes")}
        </Title>
        {m.canManage ? (
          <>
            <Textarea
              aria-label={t("coordination.minutes")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={4}
            />
            {submit.alert}
            <Group>
              <Button
                variant="default"
                loading={submit.busy}
                onClick={() =>
                  submit
                    .run(() => api.patch(`/api/coordination/meetings/${m.id}`, { minutes: text.trim() || null }))
                    .then((ok) => ok && onSaved())
                }
              >
                {t("coordination.saveMinutes")}
              </Button>
            </Group>
          </>
        ) : (
          <Text style={{ whiteSpace: "pre-line" }}>{m.minutes || "–"}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function AddDecision({ meetingId, onSaved }: { meetingId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { options } = useAgencies();
  const empty = { text: "", itemTitle: "", owner: null as string | null, due: "" };
  const [f, setF] = useState(empty);
  const submit = useSubmit();
  return (
    <Stack gap="xs" data-testid="add-decision">
      <Textarea
        label={t("coordination.decisionText")}
        value={f.text}
        onChange={(e) => setF({ ...f, text: e.currentTarget.value })}
        autosize
      />
      <Text size="sm" c="dimmed">
        {t("coordination.actionItemOptional")}
      </Text>
      <Group grow align="end">
        <TextInput
          label={t("coordination.actionItemTitle")}
          value={f.itemTitle}
          onChange={(e) => setF({ ...f, itemTitle: e.currentTarget.value })}
        />
        <Select
          label={t("coordination.ownerAgency")}
          data={options}
          value={f.owner}
          onChange={(v) => setF({ ...f, owner: v })}
          searchable
        />
        <TextInput
          type="date"
          label={t("coordination.dueDate")}
          value={f.due}
          onChange={(e) => setF({ ...f, due: e.currentTarget.value })}
        />
      </Group>
      {submit.alert}
      <Group>
        <Button
          loading={submit.busy}
          onClick={() =>
            submit
              .run(() =>
                api.post(`/api/coordination/meetings/${meetingId}/decisions`, {
                  text: f.text,
                  actionItems: f.itemTitle.trim() ? [{ title: f.itemTitle, ownerAgencyId: f.owner ?? "", dueDate: f.due }] : [],
                }),
              )
              .then((ok) => {
                if (!ok) return;
                setF(empty);
                onSaved();
              })
          }
        >
          {t("coordination.addDecision")}
        </Button>
      </Group>
    </Stack>
  );
}

function Directory({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { dir, options } = useAgencies();
  const [fp, setFp] = useState({ agency: null as string | null, name: "", position: "", phone: "" });
  const submit = useSubmit();
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("coordination.directoryLead")}
      </Text>
      <SimpleTable headers={[t("coordination.agency"), t("coordination.taskForces"), t("coordination.focalPoints")]}>
        {dir.data?.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Text>{a.name}</Text>
              <Text size="xs" c="dimmed">
                {t(`coordination.category.${a.category}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              {manage ? (
                <MultiSelect
                  aria-label={t("coordination.taskForces")}
                  data={TASK_FORCES.map((tf) => ({ value: tf, label: t(`coordination.taskForce.${tf}`) }))}
                  value={a.taskForces}
                  onChange={(v) =>
                    submit.run(() => request("PUT", `/api/coordination/agencies/${a.id}/task-forces`, { taskForces: v })).then(dir.reload)
                  }
                />
              ) : (
                <Group gap={4}>
                  {a.taskForces.map((tf) => (
                    <Badge key={tf} variant="light">
                      {t(`coordination.taskForce.${tf}`)}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
            <Table.Td>
              {a.focalPoints.map((p) => (
                <Text size="sm" key={p.id}>
                  {p.name}
                  {p.position && `, ${p.position}`}
                  {p.phone && (
                    <>
                      {" · "}
                      <Anchor href={`tel:${p.phone.replace(/[^0-9+]/g, "")}`}>{p.phone}</Anchor>
                    </>
                  )}
                </Text>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </SimpleTable>
      {manage && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t("coordination.addFocalPoint")}
            </Title>
            <Group grow align="end">
              <Select
                label={t("coordination.agency")}
                data={options}
                value={fp.agency}
                onChange={(v) => setFp({ ...fp, agency: v })}
                searchable
              />
              <TextInput label={t("coordination.fpName")} value={fp.name} onChange={(e) => setFp({ ...fp, name: e.currentTarget.value })} />
              <TextInput
                label={t("coordination.fpPosition")}
                value={fp.position}
                onChange={(e) => setFp({ ...fp, position: e.currentTarget.value })}
              />
              <TextInput
                label={t("coordination.fpPhone")}
                value={fp.phone}
                onChange={(e) => setFp({ ...fp, phone: e.currentTarget.value })}
              />
            </Group>
            {submit.alert}
            <Group>
              <Button
                disabled={!fp.agency}
                loading={submit.busy}
                onClick={() =>
                  submit
                    .run(() =>
                      api.post(`/api/coordination/agencies/${fp.agency}/focal-points`, {
                        name: fp.name,
                        position: fp.position.trim() || null,
                        phone: fp.phone.trim() || null,
                      }),
                    )
                    .then((ok) => {
                      if (!ok) return;
                      setFp({ agency: null, name: "", position: "", phone: "" });
                      dir.reload();
                    })
                }
              >
                {t("coordination.save")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
