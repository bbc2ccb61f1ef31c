// Up to 5 photos or PDFs, each uploaded as soon as it is chosen (POST /api/public/reports/attachments);
// the report then carries only their ids. A large photo is first made smaller on the phone
// (lib/prepare-image: at most 1600 px, JPEG, no GPS); the list shows the size that is sent.
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorMessage, fieldErrors } from "../../lib/errors";
import { formatFileSize } from "../../lib/format";
import { shouldPrepare } from "../../lib/prepare-image-rules";
import { ATTACHMENT_TYPES, type AttachmentUploaded, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../../lib/reports";

export interface AttachmentItem {
  key: number;
  name: string;
  size: number;
  state: "uploading" | "done" | "failed";
  attachmentId?: string;
  error?: string;
  file: File;
  /** The size as chosen, when a smaller photo is sent instead. */
  originalSize?: number;
  /** Whether `file` went through the preparation step already (a retry sends it as it is). */
  prepared?: boolean;
}

let nextKey = 1;

export function Attachments({
  items,
  onChange,
  error,
}: {
  items: AttachmentItem[];
  onChange: (update: (items: AttachmentItem[]) => AttachmentItem[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);

  function patch(key: number, change: Partial<AttachmentItem>) {
    onChange((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }

  async function upload(item: AttachmentItem) {
    patch(item.key, { state: "uploading", error: undefined });
    let file = item.file;
    if (!item.prepared) {
      // The image code is fetched when first needed (it is not part of the page's budget); if that fails the file goes as it is.
      const prepared = await import("./prepare-attachment")
        .then((m) => m.default(file))
        .catch(() => ({ file, changed: false as const, originalSize: file.size }));
      file = prepared.file;
      patch(
        item.key,
        prepared.changed
          ? { file, name: file.name, size: file.size, originalSize: prepared.originalSize, prepared: true }
          : { prepared: true },
      );
    }
    // A camera photo over the limit may fit once prepared: the limit applies to what is sent.
    if (file.size > MAX_ATTACHMENT_BYTES) {
      patch(item.key, { state: "failed", error: t("report.attachments.tooBig") });
      return;
    }
    try {
      const uploaded = await api.upload<AttachmentUploaded>("/api/public/reports/attachments", file);
      patch(item.key, { state: "done", attachmentId: uploaded.attachmentId });
    } catch (caught) {
      // A broken image or an active PDF is named on the file field: that message says what to send instead.
      patch(item.key, { state: "failed", error: fieldErrors(caught).file ?? errorMessage(caught) });
    }
  }

  function choose(files: FileList | null) {
    if (!files) return;
    const room = MAX_ATTACHMENTS - items.length;
    const chosen = [...files].slice(0, Math.max(0, room)).map<AttachmentItem>((file) => {
      const key = nextKey++;
      const base = { key, name: file.name, size: file.size, file };
      if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type))
        return { ...base, state: "failed", error: t("report.attachments.wrongType") };
      if (file.size > MAX_ATTACHMENT_BYTES && !shouldPrepare(file))
        return { ...base, state: "failed", error: t("report.attachments.tooBig") };
      return { ...base, state: "uploading" };
    });
    onChange((list) => [...list, ...chosen]);
    for (const item of chosen) if (item.state === "uploading") void upload(item);
    if (input.current) input.current.value = "";
  }

  const full = items.length >= MAX_ATTACHMENTS;
  return (
    <div className={`pub-field${error ? " pub-field-invalid" : ""}`}>
      <label htmlFor={inputId}>{t("report.attachments.label")}</label>
      <p className="pub-hint" id={`${inputId}-hint`}>
        {t("report.attachments.hint", { max: MAX_ATTACHMENTS })}
      </p>
      <input
        ref={input}
        id={inputId}
        type="file"
        className="rp-file"
        accept={ATTACHMENT_TYPES.join(",")}
        multiple
        disabled={full}
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => choose(event.currentTarget.files)}
      />
      {items.length > 0 && (
        <ul className="rp-files" aria-live="polite">
          {items.map((item) => (
            <li key={item.key} className={`rp-file-item rp-file-${item.state}`}>
              <span className="rp-file-name">{item.name}</span>
              <span className="pub-hint">
                {formatFileSize(item.size)}
                {item.originalSize !== undefined && ` ${t("report.attachments.reduced", { size: formatFileSize(item.originalSize) })}`} ·{" "}
                {t(`report.attachments.state.${item.state}`)}
              </span>
              {item.error && <span className="pub-field-error">{item.error}</span>}
              <span className="rp-file-actions">
                {item.state === "failed" &&
                  item.error !== t("report.attachments.wrongType") &&
                  item.error !== t("report.attachments.tooBig") && (
                    <button type="button" className="pub-link-button" onClick={() => void upload(item)}>
                      {t("common.retry")}
                    </button>
                  )}
                <button
                  type="button"
                  className="pub-link-button"
                  aria-label={t("report.attachments.remove", { name: item.name })}
                  onClick={() => onChange((list) => list.filter((other) => other.key !== item.key))}
                >
                  {t("report.remove")}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {full && <p className="pub-hint">{t("report.attachments.full", { max: MAX_ATTACHMENTS })}</p>}
      {error && <p className="pub-field-error">{error}</p>}
    </div>
  );
}
