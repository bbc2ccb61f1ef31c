// Photos of one outreach session that is on the server: thumbnails (the browser scales the stored
// photo, which is at most 1600 px when it was prepared on the phone before upload), add and remove for those who may edit the session. Photos need a connection: the offline
// outbox keeps the session form, not files (a phone's storage and a weak signal suit text, not 5 MB photos).
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { MAX_ATTACHMENTS } from "../../lib/reports";
import { UploadButton } from "../UploadButton";
import type { SessionView } from "../villages/types";

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export const photoUrl = (sessionId: string, photoId?: string) =>
  `/api/outreach/sessions/${sessionId}/photos${photoId ? `/${photoId}` : ""}`;

export function SessionPhotos({ session, onChange }: { session: SessionView; onChange: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const editable = session.abilities.update;

  async function remove(photoId: string) {
    if (!window.confirm(t("outreach.photos.removeConfirm"))) return;
    setError(null);
    try {
      await request("DELETE", photoUrl(session.id, photoId));
      onChange();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <Stack gap="sm" data-testid="session-photos">
      {session.photos.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("outreach.photos.empty")}
        </Text>
      )}
      <div className="outreach-photos">
        {session.photos.map((photo, index) => (
          <figure key={photo.id} className="outreach-photo">
            <a href={photoUrl(session.id, photo.id)} target="_blank" rel="noreferrer">
              <img
                src={photoUrl(session.id, photo.id)}
                alt={t("outreach.photos.alt", { n: index + 1, desa: session.desaName })}
                loading="lazy"
              />
            </a>
            <figcaption>
              <Text size="xs" c="dimmed">
                {formatDateTime(photo.createdAt)}
              </Text>
              {editable && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => void remove(photo.id)}
                  aria-label={t("outreach.photos.removeLabel", { n: index + 1 })}
                >
                  {t("outreach.photos.remove")}
                </Button>
              )}
            </figcaption>
          </figure>
        ))}
      </div>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {editable && (
        <Group>
          <UploadButton
            label={t("outreach.photos.add")}
            accept={PHOTO_TYPES}
            room={MAX_ATTACHMENTS - session.photos.length}
            target={() => photoUrl(session.id)}
            onUploaded={onChange}
            prepare
          />
        </Group>
      )}
    </Stack>
  );
}
