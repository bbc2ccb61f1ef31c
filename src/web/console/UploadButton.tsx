// Choosing files and sending each as a raw upload (outreach photos, case documents). Files the server
// would refuse anyway (wrong type, over 5 MB, beyond the per-item maximum) are refused here first, so a
// phone on a weak signal does not send them; the server still decides (type sniffed from the bytes).
// With `prepare`, large photos are first made smaller on the phone (lib/prepare-image); the limits
// then apply to what is sent, so a 6 MB camera photo goes out as a few hundred KB.
import { Alert, Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { prepareImage } from "../lib/prepare-image";
import { MAX_ATTACHMENT_BYTES } from "../lib/reports";

/** The message for a refused upload: the server's message about the file when it gave one. */
export function uploadError(caught: unknown): string {
  if (caught instanceof ApiError) {
    const field = caught.fields.file ?? caught.fields.name;
    if (field) return field;
  }
  return errorMessage(caught);
}

export function UploadButton({
  label,
  accept,
  room,
  target,
  onUploaded,
  disabled = false,
  prepare = false,
}: {
  label: string;
  /** Accepted media types. */
  accept: readonly string[];
  /** How many more files the item takes. */
  room: number;
  /** The upload URL for one file. */
  target: (file: File) => string;
  onUploaded: () => void;
  disabled?: boolean;
  /** Make large photos smaller before sending them (photos only; never for documents kept as evidence). */
  prepare?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  async function send(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    const found: string[] = [];
    if (files.length > room) found.push(t("uploads.tooMany", { n: files.length - room }));
    let sent = 0;
    for (const chosen of files.slice(0, Math.max(0, room))) {
      const file = prepare && accept.includes(chosen.type) ? (await prepareImage(chosen)).file : chosen;
      if (!accept.includes(file.type)) found.push(t("uploads.wrongType", { name: file.name }));
      else if (file.size > MAX_ATTACHMENT_BYTES) found.push(t("uploads.tooBig", { name: file.name }));
      else {
        try {
          await api.upload(target(file), file);
          sent++;
        } catch (caught) {
          found.push(`${file.name}: ${uploadError(caught)}`);
        }
      }
    }
    setProblems(found);
    setBusy(false);
    if (sent > 0) onUploaded();
  }

  return (
    <Stack gap="xs">
      <Group>
        <FileButton onChange={(files) => void send(files)} accept={accept.join(",")} multiple disabled={disabled || room <= 0 || busy}>
          {(props) => (
            <Button {...props} size="md" loading={busy} disabled={disabled || room <= 0}>
              {label}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {room > 0 ? t("uploads.hint", { n: room }) : t("uploads.full")}
        </Text>
      </Group>
      {problems.length > 0 && (
        <Alert color="red" role="alert">
          {problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
