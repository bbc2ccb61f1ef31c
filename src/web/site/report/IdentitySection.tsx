// Anonymous or named, the reporter's contact details, and the consent box.
import { useTranslation } from "react-i18next";
import { Field } from "../Field";
import { Choice } from "./controls";
import { type ReportFormState, textBinder } from "./useReportForm";

export function IdentitySection({ state, errors }: { state: ReportFormState; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const { form, set } = state;
  const text = textBinder(state, errors);
  return (
    <>
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
            <Field label={t("report.identity.name")} autoComplete="name" maxLength={120} {...text("reporterName")} />
            <Field label={t("report.identity.phone")} type="tel" autoComplete="tel" inputMode="tel" {...text("reporterPhone")} />
            <Field label={t("report.identity.email")} type="email" autoComplete="email" {...text("reporterEmail")} />
            <Field
              label={t("report.identity.relation")}
              hint={t("report.identity.relationHint")}
              maxLength={120}
              {...text("reporterRelation")}
            />
            <p className="pub-hint">{t("report.draft.contactNotKept")}</p>
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
    </>
  );
}
