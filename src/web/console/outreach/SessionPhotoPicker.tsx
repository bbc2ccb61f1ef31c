// Photos chosen in the session form, as they will be sent: a large camera photo is made smaller
// (and loses its GPS) on the phone. They are uploaded once the server has the session; a session
// kept offline is kept without them (photos are added later from the session list).
import { Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { formatFileSize } from "../../lib/format";
import { type PreparedImage, prepareImage } from "../../lib/prepare-image";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../../lib/reports";
import { PHOTO_TYPES, photoUrl } from "./SessionPhotos";

export interface PhotoPicker {
  photos: PreparedImage[];
  preparing: boolean;
  problem: string | null;
  choose: (files: File[]) => Promise<void>;
  remove: (photo: PreparedImage) => void;
  /** Uploads the chosen photos to a session on the server; returns how many failed. */
  upload: (sessionId: string) => Promise<number>;
}

export function usePhotoPicker(): PhotoPicker {
  const { t } = useTranslation();
  const [photos, setPhotos] = useState<PreparedImage[]>([]);
  const [preparing, setPreparing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(files: File[]) {
    const room = MAX_ATTACHMENTS - photos.length;
    const photoFiles = files.filter((file) => (PHOTO_TYPES as readonly string[]).includes(file.type));
    setPreparing(true);
    const prepared: PreparedImage[] = [];
    // One at a time: a cheap phone's memory.
    for (const file of photoFiles.slice(0, Math.max(0, room))) prepared.push(await prepareImage(file));
    setPreparing(false);
    // The size limit applies to what is sent: a camera photo over 5 MB fits once it is made smaller.
    const fit = prepared.filter((photo) => photo.file.size <= MAX_ATTACHMENT_BYTES);
    setPhotos((chosen) => [...chosen, ...fit]);
    const refused = fit.length < prepared.length || photoFiles.length < files.length;
    setProblem(
      refused ? t("outreach.form.photosRefused") : photoFiles.length > room ? t("uploads.tooMany", { n: photoFiles.length - room }) : null,
    );
  }

  async function upload(sessionId: string): Promise<number> {
    let failed = 0;
    for (const { file } of photos) {
      try {
        await api.upload(photoUrl(sessionId), file);
      } catch {
        failed++;
      }
    }
    return failed;
  }

  return { photos, preparing, problem, choose, remove: (photo) => setPhotos(photos.filter((other) => other !== photo)), upload };
}

export function SessionPhotoPicker({ picker }: { picker: PhotoPicker }) {
  const { t } = useTranslation();
  const { photos, preparing, problem } = picker;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("outreach.form.photosHint", { max: MAX_ATTACHMENTS })}
      </Text>
      {photos.length > 0 && (
        <ul className="outreach-photo-list" data-testid="chosen-photos">
          {photos.map((photo) => (
            <li key={`${photo.file.name}:${photo.originalSize}:${photo.file.lastModified}`}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">
                  {photo.file.name}{" "}
                  <Text span size="xs" c="dimmed">
                    {photo.changed
                      ? t("outreach.form.photoSize", { size: formatFileSize(photo.file.size), from: formatFileSize(photo.originalSize) })
                      : formatFileSize(photo.file.size)}
                  </Text>
                </Text>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => picker.remove(photo)}>
                  {t("outreach.photos.remove")}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      )}
      <Group>
        <FileButton
          onChange={(files) => void picker.choose(files)}
          accept={PHOTO_TYPES.join(",")}
          multiple
          disabled={photos.length >= MAX_ATTACHMENTS || preparing}
        >
          {(props) => (
            <Button {...props} size="lg" variant="default" loading={preparing} disabled={photos.length >= MAX_ATTACHMENTS}>
              {t("outreach.form.choosePhotos")}
            </Button>
          )}
        </FileButton>
      </Group>
      {problem && (
        <Text c="red" size="sm" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
