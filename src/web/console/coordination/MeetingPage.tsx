// One meeting: when and where, attendance, minutes, the decisions with their action items, and the
// minutes PDF. Those who manage coordination record attendance, minutes and decisions.
import { Anchor, Button, Checkbox, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, request } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { Link } from "../../lib/router";
import { DateField, NoteField, TextField } from "../fields";
import { useSubmission, useValues } from "../forms";
import { useResource } from "../hooks";
import { PageHeader } from "../PageHeader";
import { Panel } from "../Panel";
import { PageNotFound } from "../Placeholder";
import { RunButton } from "../RunButton";
import { usePageTitle } from "../usePageTitle";
import { ActionItemCard } from "./ActionItems";
import { COORDINATION_PATH, type Meeting, useAgencies } from "./shared";

export function MeetingPage({ id }: { id: string }) {
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
      <Panel title={t("coordination.decisions")} mb="md">
        <Stack>
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
      </Panel>
    </Stack>
  );
}

function Attendance({ meeting: m, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<string[]>(m.attendance.filter((a) => a.present).map((a) => a.agencyId));
  const submission = useSubmission();
  return (
    <Panel title={t("coordination.attendance")}>
      <Stack gap="xs">
        {m.invitedAgencies.map((a) => (
          <Checkbox
            key={a.id}
            label={a.name}
            checked={present.includes(a.id)}
            disabled={!m.canManage}
            onChange={(e) => setPresent(e.currentTarget.checked ? [...present, a.id] : present.filter((x) => x !== a.id))}
          />
        ))}
        {m.canManage && (
          <RunButton
            variant="default"
            submission={submission}
            action={async () => {
              await request("PUT", `/api/coordination/meetings/${m.id}/attendance`, {
                attendance: m.invitedAgencies.map((a) => ({
                  agencyId: a.id,
                  present: present.includes(a.id),
                  headcount: present.includes(a.id) ? 1 : 0,
                })),
              });
              onSaved();
            }}
          >
            {t("coordination.saveAttendance")}
          </RunButton>
        )}
      </Stack>
    </Panel>
  );
}

function Minutes({ meeting: m, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(m.minutes ?? "");
  const submission = useSubmission();
  return (
    <Panel title={t("coordination.minutes")}>
      {m.canManage ? (
        <Stack gap="xs">
          <NoteField aria-label={t("coordination.minutes")} value={text} onChange={setText} minRows={4} />
          <RunButton
            variant="default"
            submission={submission}
            action={async () => {
              await api.patch(`/api/coordination/meetings/${m.id}`, { minutes: text.trim() || null });
              onSaved();
            }}
          >
            {t("coordination.saveMinutes")}
          </RunButton>
        </Stack>
      ) : (
        <Text style={{ whiteSpace: "pre-line" }}>{m.minutes || "–"}</Text>
      )}
    </Panel>
  );
}

function AddDecision({ meetingId, onSaved }: { meetingId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { options } = useAgencies();
  const { values: f, bind, reset } = useValues({ text: "", itemTitle: "", owner: null as string | null, due: "" });
  const submission = useSubmission();
  return (
    <Stack gap="xs" data-testid="add-decision">
      <NoteField label={t("coordination.decisionText")} {...bind("text")} />
      <Text size="sm" c="dimmed">
        {t("coordination.actionItemOptional")}
      </Text>
      <Group grow align="end">
        <TextField label={t("coordination.actionItemTitle")} {...bind("itemTitle")} />
        <Select label={t("coordination.ownerAgency")} data={options} {...bind("owner")} searchable />
        <DateField label={t("coordination.dueDate")} {...bind("due")} />
      </Group>
      <RunButton
        submission={submission}
        action={async () => {
          await api.post(`/api/coordination/meetings/${meetingId}/decisions`, {
            text: f.text,
            actionItems: f.itemTitle.trim() ? [{ title: f.itemTitle, ownerAgencyId: f.owner ?? "", dueDate: f.due }] : [],
          });
          reset();
          onSaved();
        }}
      >
        {t("coordination.addDecision")}
      </RunButton>
    </Stack>
  );
}
