import { Button, Fieldset, Group, MultiSelect, Radio, Select, Stack, Text } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Jurisdiction, Page, Region } from "../../lib/types";
import { useRegionNames, useResource } from "../hooks";
import { Chip } from "../Chip";
import { getInstallationRegency } from "../regions";
import { ErrorAlert } from "../FormErrorAlert";

/**
 * Jurisdiction of a user: the whole regency, or chosen kecamatan and/or desa.
 * A chosen kecamatan covers all its desa; single desa can be added from any kecamatan.
 */
export function JurisdictionField({
  value,
  onChange,
  error,
}: {
  value: Jurisdiction;
  onChange: (value: Jurisdiction) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [regency, setRegency] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const codes = value.kind === "areas" ? value.codes : [];
  const [rememberedCodes, setRememberedCodes] = useState<string[]>(codes);

  useEffect(() => {
    void getInstallationRegency().then(setRegency);
  }, []);

  const kecamatan = useResource<Page<Region>>(
    value.kind === "areas" && regency ? `/api/regions/${encodeURIComponent(regency)}/children` : null,
  );
  const desa = useResource<Page<Region>>(browsing ? `/api/regions/${encodeURIComponent(browsing)}/children` : null);
  const names = useRegionNames(codes);

  const allNames = useMemo(() => {
    const merged: Record<string, string> = { ...names };
    for (const region of kecamatan.data?.items ?? []) merged[region.code] = region.name;
    for (const region of desa.data?.items ?? []) merged[region.code] = region.name;
    return merged;
  }, [names, kecamatan.data, desa.data]);

  const kecamatanOptions = (kecamatan.data?.items ?? []).map((region) => ({ value: region.code, label: region.name }));
  const desaInBrowsing = (desa.data?.items ?? []).map((region) => region.code);
  const chosenKecamatan = codes.filter((code) => kecamatanOptions.some((option) => option.value === code));

  function setCodes(next: string[]) {
    const unique = [...new Set(next)];
    setRememberedCodes(unique);
    onChange({ kind: "areas", codes: unique });
  }

  function setKind(kind: string) {
    if (kind === "regency") onChange({ kind: "regency" });
    else onChange({ kind: "areas", codes: rememberedCodes });
  }

  return (
    <Fieldset legend={t("jurisdiction.label")} variant="unstyled" aria-invalid={error ? true : undefined}>
      <Stack gap="sm">
        <Radio.Group value={value.kind} onChange={setKind} name="jurisdiction-kind">
          <Stack gap="xs">
            <Radio value="regency" label={t("jurisdiction.regency")} />
            <Radio value="areas" label={t("jurisdiction.areas")} />
          </Stack>
        </Radio.Group>

        {value.kind === "areas" && (
          <Stack gap="sm" pl={{ base: 0, sm: "lg" }}>
            <ErrorAlert error={kecamatan.error} />
            <MultiSelect
              label={t("jurisdiction.wholeKecamatan")}
              description={t("jurisdiction.wholeKecamatanHint")}
              placeholder={kecamatan.loading ? t("common.loading") : t("jurisdiction.pickKecamatan")}
              data={kecamatanOptions}
              value={chosenKecamatan}
              onChange={(next) => setCodes([...codes.filter((code) => !chosenKecamatan.includes(code)), ...next])}
              searchable
              clearable
              nothingFoundMessage={t("common.nothingFound")}
            />
            <Select
              label={t("jurisdiction.browseKecamatan")}
              description={t("jurisdiction.browseKecamatanHint")}
              placeholder={t("jurisdiction.pickKecamatan")}
              data={kecamatanOptions}
              value={browsing}
              onChange={setBrowsing}
              searchable
              clearable
              nothingFoundMessage={t("common.nothingFound")}
            />
            {browsing && (
              <MultiSelect
                label={t("jurisdiction.desaIn", { name: allNames[browsing] ?? browsing })}
                placeholder={desa.loading ? t("common.loading") : t("jurisdiction.pickDesa")}
                data={(desa.data?.items ?? []).map((region) => ({ value: region.code, label: region.name }))}
                value={codes.filter((code) => desaInBrowsing.includes(code))}
                onChange={(next) => setCodes([...codes.filter((code) => !desaInBrowsing.includes(code)), ...next])}
                searchable
                clearable
                nothingFoundMessage={t("common.nothingFound")}
              />
            )}
            <div>
              <Text size="sm" fw={500} id="jurisdiction-chosen">
                {t("jurisdiction.chosen")}
              </Text>
              {codes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("jurisdiction.none")}
                </Text>
              ) : (
                <Group component="ul" gap={6} mt={4} p={0} aria-labelledby="jurisdiction-chosen" style={{ listStyle: "none" }}>
                  {codes.map((code) => (
                    <li key={code}>
                      <Chip
                        removeLabel={t("jurisdiction.remove", { name: allNames[code] ?? code })}
                        onRemove={() => setCodes(codes.filter((other) => other !== code))}
                      >
                        {allNames[code] ?? code}
                      </Chip>
                    </li>
                  ))}
                </Group>
              )}
            </div>
            {codes.length > 0 && (
              <Button variant="subtle" size="xs" onClick={() => setCodes([])} w="fit-content">
                {t("jurisdiction.clear")}
              </Button>
            )}
          </Stack>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
