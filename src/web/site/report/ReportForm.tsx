// "Pengaduan": the public report form (/lapor). Plain elements, mobile first at 360 px. The page puts
// together the form's sections (PlaceSection, PeopleSection, IdentitySection), its state with the
// draft kept on the phone (useReportForm, draft.ts), the checks before sending (validate.ts) and the
// receipt. The submissionId is made on the device and kept until the server acknowledges the report,
// so pressing "Kirim" again after a dropped connection never creates a second report.
import { type FormEvent, lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorMessage, fieldErrors } from "../../lib/errors";
import { Link } from "../../lib/router";
import { REPORT_CATEGORIES, type ReportCategory, type ReportCreated } from "../../lib/reports";
import { PublicLayout } from "../PublicLayout";
import { type AttachmentItem, Attachments } from "./Attachments";
import { Choice, TextArea } from "./controls";
import { clearDraft, clearReceipt, loadReceipt, saveReceipt } from "./draft";
import { IdentitySection } from "./IdentitySection";
import { buildReport, mapFieldErrors } from "./payload";
import { PeopleSection } from "./PeopleSection";
import { PlaceSection } from "./PlaceSection";
import { clearPendingSubmission, hasOfferDraft, pendingSubmissionId } from "./submission";
import { textBinder, useReportForm } from "./useReportForm";
import { problemsBeforeSending } from "./validate";
import "./report.css";

// Shown once a report is stored (or kept from an earlier visit); fetched then, not with the form.
const ReportReceipt = lazy(() => import("./ReportReceipt"));

export default function ReportForm() {
  const { t } = useTranslation();
  const state = useReportForm();
  const { form, set } = state;
  const [files, setFiles] = useState<AttachmentItem[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A receipt kept from an earlier visit is shown until the person says it is saved, unless they came to report a new offer.
  const [receipt, setReceipt] = useState<ReportCreated | null>(() => (state.prefilled || hasOfferDraft() ? null : loadReceipt()));
  const alertRef = useRef<HTMLDivElement>(null);
  const text = textBinder(state, errors);

  useEffect(() => {
    document.title = t("report.documentTitle");
  }, [t]);

  function showProblem(message: string) {
    setAlert(message);
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = problemsBeforeSending(form, files, t);
    setErrors(found);
    if (Object.keys(found).length) return showProblem(t("report.errors.check"));
    setAlert(null);
    setBusy(true);
    const attachmentIds = files.flatMap((file) => (file.attachmentId ? [file.attachmentId] : []));
    const { body, rowOf } = buildReport(form, pendingSubmissionId(), attachmentIds);
    try {
      const created = await api.post<ReportCreated>("/api/public/reports", body);
      clearPendingSubmission();
      saveReceipt(created);
      clearDraft();
      state.reset();
      setFiles([]);
      setReceipt(created);
      window.scrollTo(0, 0);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "network") showProblem(t("report.errors.network"));
      else {
        setErrors(mapFieldErrors(fieldErrors(caught), rowOf));
        showProblem(errorMessage(caught));
      }
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    return (
      <PublicLayout>
        <Suspense fallback={<p className="pub-loading">{t("common.loading")}</p>}>
          <ReportReceipt
            receipt={receipt}
            onDone={() => {
              clearReceipt();
              setReceipt(null);
            }}
          />
        </Suspense>
      </PublicLayout>
    );
  }

  const categoryOptions = REPORT_CATEGORIES.map((value) => ({
    value,
    label: t(`report.category.${value}.label`),
    hint: t(`report.category.${value}.hint`),
  }));

  return (
    <PublicLayout>
      <section className="pub-section rp" aria-labelledby="report-title">
        <h1 id="report-title">{t("report.title")}</h1>
        <p>{t("report.lead")}</p>
        <p className="rp-safety">{t("report.emergency")}</p>
        <p>
          <Link href="/lapor/status">{t("report.haveCode")}</Link>
        </p>
        {state.restored && (
          <p className="pub-hint" role="status" data-testid="draft-restored">
            {t("report.draft.restored")}
          </p>
        )}

        <form onSubmit={(event) => void submit(event)} noValidate>
          {alert && (
            <div className="pub-alert" role="alert" tabIndex={-1} ref={alertRef}>
              {alert}
            </div>
          )}

          <Choice<ReportCategory>
            legend={t("report.categoryLabel")}
            name="category"
            value={form.category}
            options={categoryOptions}
            onChange={(value) => set("category", value)}
            error={errors.category}
          />

          <TextArea
            label={t("report.description.label")}
            hint={t("report.description.hint")}
            rows={6}
            maxLength={10_000}
            {...text("description")}
          />

          <PlaceSection state={state} errors={errors} />
          <PeopleSection state={state} errors={errors} />

          <TextArea
            label={t("report.offer.label")}
            hint={state.prefilled ? t("report.offer.prefilled") : t("report.offer.hint")}
            rows={5}
            maxLength={20_000}
            {...text("offerText")}
          />

          <Attachments items={files} onChange={setFiles} error={errors.attachments} />

          <IdentitySection state={state} errors={errors} />

          <button type="submit" className="pub-button pub-button-block" disabled={busy}>
            {busy ? t("report.sending") : t("report.submit")}
          </button>
          <p className="pub-hint">{t("report.retryNote")}</p>
          <p className="pub-hint">{t("report.draft.kept")}</p>
        </form>
      </section>
    </PublicLayout>
  );
}
