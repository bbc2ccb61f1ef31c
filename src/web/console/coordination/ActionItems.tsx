// Action items: the list (filtered by status and overdue, as a dashboard number links to it) and one
// item's card, where its owner updates status and proof (also shown under the decisions of a meeting).
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTION_ITEM_STATUSES } from "../../../core/coordination";
import { api, query } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { Link, useLocation } from "../../lib/router";
import { TextField } from "../fields";
import { FormErrorAlert } from "../FormErrorAlert";
import { useSubmission } from "../forms";
import { useResource } from "../hooks";
import { type ActionItem, MEETING_PATH } from "./shared";

const statusOptions = (t: TFunction) => ACTION_ITEM_STATUSES.map((value) => ({ value, label: t(`coordination.status.${value}`) }));

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

export function ActionItems() {
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
          data={statusOptions(t)}
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

export function ActionItemCard({ item, onSaved }: { item: ActionItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(item.status);
  const [proof, setProof] = useState(item.proof ?? "");
  const submission = useSubmission();
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
              data={statusOptions(t)}
              value={status}
              onChange={(v) => v && setStatus(v)}
              allowDeselect={false}
              w={180}
            />
            <TextField label={t("coordination.proof")} value={proof} onChange={setProof} style={{ flex: 1 }} />
            <Button
              loading={submission.busy}
              onClick={() =>
                void submission.run(async () => {
                  await api.patch(`/api/coordination/action-items/${item.id}`, { status, proof: proof.trim() || null });
                  onSaved();
                })
              }
            >
              {t("coordination.save")}
            </Button>
          </Group>
        )}
        <FormErrorAlert error={submission.error} rest={Object.values(submission.fields)} />
      </Stack>
    </Paper>
  );
}
