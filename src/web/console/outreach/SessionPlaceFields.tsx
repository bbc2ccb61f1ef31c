// Where a session took place. A regency-wide user picks the kecamatan, then the desa; a user with
// listed areas picks from their desa; a user with one desa (most volunteers) is not asked at all.
import { NativeSelect, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../../lib/types";
import { useDesaOf, useJurisdictionDesa, useKecamatanList } from "./desaOptions";

export interface SessionPlace {
  loading: boolean;
  regencyWide: boolean;
  options: { value: string; label: string }[];
  /** The chosen desa, or the only one the user has. */
  desaCode: string;
  desaName: string;
}

export function useSessionPlace(me: Me, kecamatan: string, desa: string): SessionPlace {
  const jurisdiction = useJurisdictionDesa(me);
  const regencyWide = !jurisdiction.loading && jurisdiction.options === null;
  const desaOfKecamatan = useDesaOf(regencyWide && kecamatan ? kecamatan : null);
  const options = regencyWide
    ? desaOfKecamatan.map((region) => ({ value: region.code, label: region.name }))
    : (jurisdiction.options ?? []).map((option) => ({ value: option.value, label: `${option.label} (${option.kecamatanName})` }));
  const desaCode = desa || (!regencyWide && options.length === 1 ? options[0]!.value : "");
  const desaName = options.find((option) => option.value === desaCode)?.label ?? desaCode;
  return { loading: jurisdiction.loading, regencyWide, options, desaCode, desaName };
}

export function SessionPlaceFields({
  me,
  place,
  kecamatan,
  venue,
  onKecamatan,
  onDesa,
  onVenue,
  desaError,
}: {
  me: Me;
  place: SessionPlace;
  kecamatan: string;
  venue: string;
  onKecamatan: (code: string) => void;
  onDesa: (code: string) => void;
  onVenue: (venue: string) => void;
  desaError?: string;
}) {
  const { t } = useTranslation();
  const kecamatanList = useKecamatanList(place.regencyWide, me.jurisdiction);
  const onlyOne = !place.regencyWide && !place.loading && place.options.length === 1;
  return (
    <Stack>
      {place.regencyWide && (
        <NativeSelect
          size="lg"
          label={t("outreach.kecamatan")}
          value={kecamatan}
          onChange={(e) => {
            onKecamatan(e.currentTarget.value);
            onDesa("");
          }}
          data={[
            { value: "", label: t("outreach.form.choose") },
            ...kecamatanList.map((region) => ({ value: region.code, label: region.name })),
          ]}
        />
      )}
      {onlyOne ? (
        <TextInput
          size="lg"
          label={t("outreach.desa")}
          value={place.desaName}
          readOnly
          variant="filled"
          description={t("outreach.form.onlyDesa")}
        />
      ) : (
        <NativeSelect
          size="lg"
          label={t("outreach.desa")}
          value={place.desaCode}
          onChange={(e) => onDesa(e.currentTarget.value)}
          data={[{ value: "", label: place.loading ? t("common.loading") : t("outreach.form.choose") }, ...place.options]}
          required
          error={desaError}
        />
      )}
      <TextInput
        size="lg"
        label={t("outreach.form.venue")}
        value={venue}
        onChange={(e) => onVenue(e.currentTarget.value)}
        maxLength={200}
      />
    </Stack>
  );
}
