// Where and when it happened.
import { useTranslation } from "react-i18next";
import { Field } from "../Field";
import { Choice } from "./controls";
import type { PlaceMode } from "./payload";
import { RegionPicker } from "./RegionPicker";
import type { ReportFormState } from "./useReportForm";

function todayInJakarta(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

export function PlaceSection({ state, errors }: { state: ReportFormState; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const { form, set, setForm } = state;
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
    </>
  );
}
