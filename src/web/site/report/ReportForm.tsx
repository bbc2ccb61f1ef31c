// "Pengaduan": the public report form (/lapor). Plain elements, mobile first at 360 px.
// The submissionId is made on the device and kept until the server acknowledges the report, so
// pressing "Kirim" again after a dropped connection never creates a second report.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorMessage, fieldErrors } from "../../lib/errors";
import { Link } from "../../lib/router";
import { PERSON_ROLES, REPORT_CATEGORIES, type ReportCategory, type ReportCreated } from "../../lib/reports";
import { Field } from "../Field";
import { PublicLayout } from "../PublicLayout";
import { type AttachmentItem, Attachments } from "./Attachments";
import { Choice, Select, TextArea } from "./controls";
import { buildReport, emptyForm, emptyPerson, mapFieldErrors, type PersonRow, type PlaceMode, type ReportForm as Form } from "./payload";
import { RegionPicker } from "./RegionPicker";
import { ReportReceipt } from "./ReportReceipt";
import { clearPendingSubmission, pendingSubmissionId, takeOfferDraft } from "./submission";
import "./report.css";

const MAX_PEOPLE = 10;
const PERSON_FIELDS = ["phones", "handles", "companies", "bankAccounts"] as const;

function todayInJakarta(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

export default function ReportForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => {
    const initial = emptyForm();
    const offer = takeOfferDraft();
    if (offer) return { ...initial, offerText: offer, category: "suspicious_offer" };
    return initial;
  });
  const [prefilled] = useState(() => form.offerText !== "");
  const [files, setFiles] = useState<AttachmentItem[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ReportCreated | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const nextPerson = useRef(1);

  useEffect(() => {
    document.title = t("report.documentTitle");
  }, [t]);

  function set<K extends keyof Form>(key: K, value: Form[K]) {
    setForm((previous) => ({ ...previous, [key]: value }));
  }

  function setPerson(key: number, change: Partial<PersonRow>) {
    setForm((previous) => ({ ...previous, people: previous.people.map((row) => (row.key === key ? { ...row, ...change } : row)) }));
  }

  function localErrors(): Record<string, string> {
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

  function showProblem(message: string) {
    setAlert(message);
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = localErrors();
    setErrors(found);
    if (Object.keys(found).length) return showProblem(t("report.errors.check"));
    setAlert(null);
    setBusy(true);
    const attachmentIds = files.flatMap((file) => (file.attachmentId ? [file.attachmentId] : []));
    const { body, rowOf } = buildReport(form, pendingSubmissionId(), attachmentIds);
    try {
      const created = await api.post<ReportCreated>("/api/public/reports", body);
      clearPendingSubmission();
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
        <ReportReceipt receipt={receipt} />
      </PublicLayout>
    );
  }

  const categoryOptions = REPORT_CATEGORIES.map((value) => ({
    value,
    label: t(`report.category.${value}.label`),
    hint: t(`report.category.${value}.hint`),
  }));
  const placeOptions = (["regency", "elsewhere", "unknown"] as const).map((value) => ({ value, label: t(`report.place.mode.${value}`) }));

  return (
    <PublicLayout>
      <section className="pub-section rp" aria-labelledby="report-title">
        <h1 id="report-title">{t("report.title")}</h1>
        <p>{t("report.lead")}</p>
        <p className="rp-safety">{t("report.emergency")}</p>
        <p>
          <Link href="/lapor/status">{t("report.haveCode")}</Link>
        </p>

        <form onSubmit={submit} noValidate>
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
            value={form.description}
            error={errors.description}
            onChange={(event) => set("description", event.currentTarget.value)}
          />

          <fieldset className="rp-fieldset">
            <legend>{t("report.place.legend")}</legend>
            <Choice<PlaceMode>
              legend={t("report.place.where")}
              name="placeMode"
              value={form.placeMode}
              options={placeOptions}
              onChange={(value) => set("placeMode", value)}
            />
            {form.placeMode === "regency" && (
              <RegionPicker
                kecamatan={form.kecamatan}
                desa={form.desa}
                error={errors.place}
                onChange={({ kecamatan, desa }) => setForm((previous) => ({ ...previous, kecamatan, desa }))}
              />
            )}
            {form.placeMode === "elsewhere" && (
              <Field
                label={t("report.place.text")}
                hint={t("report.place.textHint")}
                value={form.placeText}
                maxLength={300}
                error={errors.place}
                onChange={(event) => set("placeText", event.currentTarget.value)}
              />
            )}
          </fieldset>

          <fieldset className="rp-fieldset">
            <legend>{t("report.when.legend")}</legend>
            <Field
              label={t("report.when.date")}
              type="date"
              max={todayInJakarta()}
              value={form.occurredOn}
              error={errors.occurredOn}
              onChange={(event) => set("occurredOn", event.currentTarget.value)}
            />
            <Field
              label={t("report.when.text")}
              hint={t("report.when.textHint")}
              value={form.occurredText}
              maxLength={200}
              error={errors.occurredText}
              onChange={(event) => set("occurredText", event.currentTarget.value)}
            />
          </fieldset>

          <fieldset className="rp-fieldset">
            <legend>{t("report.people.legend")}</legend>
            <p className="pub-hint">{t("report.people.hint")}</p>
            {errors.people && <p className="pub-field-error">{errors.people}</p>}
            {form.people.map((row, index) => (
              <fieldset key={row.key} className="rp-person">
                <legend className="rp-person-title">{t("report.people.person", { n: index + 1 })}</legend>
                <Field
                  label={t("report.people.name")}
                  value={row.name}
                  maxLength={120}
                  error={errors[`people.${index}.name`]}
                  onChange={(event) => setPerson(row.key, { name: event.currentTarget.value })}
                />
                <Select
                  label={t("report.people.role")}
                  value={row.role}
                  placeholder={t("report.people.roleUnknown")}
                  options={PERSON_ROLES.map((value) => ({ value, label: t(`report.people.roles.${value}`) }))}
                  onChange={(event) => setPerson(row.key, { role: event.currentTarget.value as PersonRow["role"] })}
                />
                {PERSON_FIELDS.map((field) => (
                  <Field
                    key={field}
                    label={t(`report.people.${field}`)}
                    hint={t(field === "companies" ? "report.people.severalLines" : "report.people.several")}
                    value={row[field]}
                    inputMode={field === "phones" ? "tel" : undefined}
                    error={errors[`people.${index}.${field}`]}
                    onChange={(event) => setPerson(row.key, { [field]: event.currentTarget.value })}
                  />
                ))}
                {form.people.length > 1 && (
                  <button
                    type="button"
                    className="pub-link-button"
                    onClick={() => set("people", form.people.filter((other) => other.key !== row.key))}
                  >
                    {t("report.people.remove", { n: index + 1 })}
                  </button>
                )}
              </fieldset>
            ))}
            {form.people.length < MAX_PEOPLE && (
              <button
                type="button"
                className="pub-button pub-button-outline"
                onClick={() => set("people", [...form.people, emptyPerson(nextPerson.current++)])}
              >
                {t("report.people.add")}
              </button>
            )}
          </fieldset>

          <TextArea
            label={t("report.offer.label")}
            hint={prefilled ? t("report.offer.prefilled") : t("report.offer.hint")}
            rows={5}
            maxLength={20_000}
            value={form.offerText}
            error={errors.offerText}
            onChange={(event) => set("offerText", event.currentTarget.value)}
          />

          <Attachments items={files} onChange={setFiles} error={errors.attachments} />

          <fieldset className="rp-fieldset">
            <legend>{t("report.identity.legend")}</legend>
            <Choice<"anonymous" | "named">
              legend={t("report.identity.how")}
              name="identity"
              value={form.anonymous ? "anonymous" : "named"}
              options={[
                { value: "anonymous", label: t("report.identity.anonymous"), hint: t("report.identity.anonymousHint") },
                { value: "named", label: t("report.identity.named"), hint: t("report.identity.namedHint") },
              ]}
              onChange={(value) => set("anonymous", value === "anonymous")}
            />
            {!form.anonymous && (
              <>
                <Field
                  label={t("report.identity.name")}
                  autoComplete="name"
                  value={form.reporterName}
                  maxLength={120}
                  error={errors.reporterName}
                  onChange={(event) => set("reporterName", event.currentTarget.value)}
                />
                <Field
                  label={t("report.identity.phone")}
                  type="tel"
                  autoComplete="tel"
                  inputMode="tel"
                  value={form.reporterPhone}
                  error={errors.reporterPhone}
                  onChange={(event) => set("reporterPhone", event.currentTarget.value)}
                />
                <Field
                  label={t("report.identity.email")}
                  type="email"
                  autoComplete="email"
                  value={form.reporterEmail}
                  error={errors.reporterEmail}
                  onChange={(event) => set("reporterEmail", event.currentTarget.value)}
                />
                <Field
                  label={t("report.identity.relation")}
                  hint={t("report.identity.relationHint")}
                  value={form.reporterRelation}
                  maxLength={120}
                  error={errors.reporterRelation}
                  onChange={(event) => set("reporterRelation", event.currentTarget.value)}
                />
              </>
            )}
          </fieldset>

          <div className={`rp-consent${errors.consent ? " pub-field-invalid" : ""}`}>
            <p>{t("report.consent.text")}</p>
            <label className="rp-choice">
              <input
                type="checkbox"
                checked={form.consent}
                aria-invalid={errors.consent ? true : undefined}
                onChange={(event) => set("consent", event.currentTarget.checked)}
              />
              <span>{t("report.consent.label")}</span>
            </label>
            {errors.consent && <p className="pub-field-error">{errors.consent}</p>}
          </div>

          <button type="submit" className="pub-button pub-button-block" disabled={busy}>
            {busy ? t("report.sending") : t("report.submit")}
          </button>
          <p className="pub-hint">{t("report.retryNote")}</p>
        </form>
      </section>
    </PublicLayout>
  );
}
