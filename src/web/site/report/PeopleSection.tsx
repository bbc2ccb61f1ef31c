// The people involved (recruiter, agent, company…): up to 10 rows of names and contacts.
import { useTranslation } from "react-i18next";
import { PERSON_ROLES } from "../../lib/reports";
import { Field } from "../Field";
import { Select } from "./controls";
import type { PersonRow } from "./payload";
import type { ReportFormState } from "./useReportForm";

const MAX_PEOPLE = 10;
const PERSON_FIELDS = ["phones", "handles", "companies", "bankAccounts"] as const;

export function PeopleSection({ state, errors }: { state: ReportFormState; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const { form, setPerson, addPerson, removePerson } = state;
  return (
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
            <button type="button" className="pub-link-button" onClick={() => removePerson(row.key)}>
              {t("report.people.remove", { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {form.people.length < MAX_PEOPLE && (
        <button type="button" className="pub-button pub-button-outline" onClick={addPerson}>
          {t("report.people.add")}
        </button>
      )}
    </fieldset>
  );
}
