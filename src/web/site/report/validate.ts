// The checks made on the phone before sending (the server checks everything again).
import type { TFunction } from "i18next";
import type { AttachmentItem } from "./Attachments";
import type { ReportForm } from "./payload";

export function problemsBeforeSending(form: ReportForm, files: AttachmentItem[], t: TFunction): Record<string, string> {
  const found: Record<string, string> = {};
  if (!form.category) found.category = t("report.errors.category");
  if (form.description.trim().length < 10) found.description = t("report.errors.description");
  if (!form.consent) found.consent = t("report.errors.consent");
  if (!form.anonymous && !form.reporterName.trim() && !form.reporterPhone.trim() && !form.reporterEmail.trim()) {
    found.reporterPhone = t("report.errors.contact");
  }
  if (files.some((file) => file.state === "uploading")) found.attachments = t("report.errors.uploading");
  else if (files.some((file) => file.state === "failed")) found.attachments = t("report.errors.uploadFailed");
  return found;
}
