// The meetings tab: the list, and the form that plans a new meeting (for those who manage coordination).
import { Anchor, MultiSelect, Group, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { Link, navigate } from "../../lib/router";
import { NoteField, TextField } from "../fields";
import { useSubmission, useValues } from "../forms";
import { useResource } from "../hooks";
import { Panel } from "../Panel";
import { RunButton } from "../RunButton";
import { SimpleTable } from "../SimpleTable";
import { MEETING_PATH, type Meeting, type MeetingSummary, useAgencies } from "./shared";

export function Meetings({ manage }: { manage: boolean }) {
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

function PlanMeeting() {
  const { t } = useTranslation();
  const { options } = useAgencies();
  const { values: f, bind } = useValues({ title: "", startsAt: "", place: "", onlineUrl: "", agenda: "", invited: [] as string[] });
  const submission = useSubmission();
  return (
    <Panel title={t("coordination.plan.heading")}>
      <Stack gap="xs">
        <TextField label={t("coordination.meeting.title")} {...bind("title")} required />
        <TextField type="datetime-local" label={t("coordination.meeting.startsAtWib")} {...bind("startsAt")} required />
        <Group grow>
          <TextField label={t("coordination.meeting.place")} {...bind("place")} />
          <TextField label={t("coordination.meeting.onlineUrl")} {...bind("onlineUrl")} />
        </Group>
        <NoteField label={t("coordination.meeting.agenda")} {...bind("agenda")} />
        <MultiSelect label={t("coordination.meeting.invited")} data={options} {...bind("invited")} searchable />
        <RunButton
          submission={submission}
          action={async () => {
            const m = await api.post<Meeting>("/api/coordination/meetings", {
              title: f.title,
              startsAt: f.startsAt,
              place: f.place.trim() || null,
              onlineUrl: f.onlineUrl.trim() || null,
              agenda: f.agenda,
              invitedAgencyIds: f.invited,
            });
            navigate(`${MEETING_PATH}/${m.id}`);
          }}
        >
          {t("coordination.plan.submit")}
        </RunButton>
      </Stack>
    </Panel>
  );
}
