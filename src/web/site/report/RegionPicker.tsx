// Kecamatan, then (optionally) desa, from the public region data of this regency.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import type { Region } from "../../lib/types";
import { Select } from "./controls";

/** Kabupaten Serang; the server does not yet say which regency it serves. */
const REGENCY = "36.04";

function useChildren(code: string | null): Region[] | null {
  const [items, setItems] = useState<Region[] | null>(null);
  useEffect(() => {
    setItems(null);
    if (!code) return;
    let cancelled = false;
    api
      .get<{ items: Region[] }>(`/api/regions/${encodeURIComponent(code)}/children`)
      .then((result) => {
        if (!cancelled) setItems(result.items);
      })
      .catch(() => {
        if (!cancelled) setItems([]);
      });
    return () => {
      cancelled = true;
    };
  }, [code]);
  return items;
}

export function RegionPicker({
  kecamatan,
  desa,
  onChange,
  error,
}: {
  kecamatan: string;
  desa: string;
  onChange: (value: { kecamatan: string; desa: string }) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const kecamatanList = useChildren(REGENCY);
  const desaList = useChildren(kecamatan || null);
  const options = (items: Region[] | null) => (items ?? []).map((region) => ({ value: region.code, label: region.name }));
  return (
    <div className="rp-region">
      <Select
        label={t("report.place.kecamatan")}
        value={kecamatan}
        placeholder={kecamatanList ? t("report.place.pickKecamatan") : t("common.loading")}
        options={options(kecamatanList)}
        error={error}
        onChange={(event) => onChange({ kecamatan: event.currentTarget.value, desa: "" })}
      />
      {kecamatan && (
        <Select
          label={t("report.place.desa")}
          hint={t("report.place.desaHint")}
          value={desa}
          placeholder={desaList ? t("report.place.pickDesa") : t("common.loading")}
          options={options(desaList)}
          onChange={(event) => onChange({ kecamatan, desa: event.currentTarget.value })}
        />
      )}
    </div>
  );
}
