// Case notes: the team and whole-case referrals read them all, a service referral its own; adding follows
// `abilities.addNote`.
import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import type { TabProps } from "./CaseDetailPage";
import { Empty } from "./shared";
import { NoteField } from "../fields";

export function NotesTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
      {detail.abilities.addNote && (
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
            <NoteField label={t("cases.note.new")} minRows={3} value={body} onChange={setBody} error={error} />
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
