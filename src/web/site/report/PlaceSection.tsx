// Where and when it happened.
import { useTranslation } from "react-i18next";
import { Field } from "../Field";
import { Choice } from "./controls";
import type { PlaceMode } from "./payload";
import { RegionPicker } from "./RegionPicker";
import { type ReportFormState, textBinder } from "./useReportForm";

function todayInJakarta(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

export function PlaceSection({ state, errors }: { state: ReportFormState; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const { form, set, setForm } = state;
  const text = textBinder(state, errors);
  const placeOptions = (["regency", "elsewhere", "unknown"] as const).map((value) => ({ value, label: t(`report.place.mode.${value}`) }));
  return (
    <>
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
          <Field label={t("report.place.text")} hint={t("report.place.textHint")} maxLength={300} {...text("placeText", "place")} />
        )}
      </fieldset>

      <fieldset className="rp-fieldset">
        <legend>{t("report.when.legend")}</legend>
        <Field label={t("report.when.date")} type="date" max={todayInJakarta()} {...text("occurredOn")} />
        <Field label={t("report.when.text")} hint={t("report.when.textHint")} maxLength={200} {...text("occurredText")} />
      </fieldset>
    </>
  );
}
