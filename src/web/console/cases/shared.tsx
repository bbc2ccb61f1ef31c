// Building blocks of the case pages: the agency directory, the kecamatan/desa picker, small layout
// pieces and label helpers. Nothing here keeps victim data outside React state.
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import type { CasePerson, CaseSummary } from "../../lib/cases";
import { formatDate } from "../../lib/format";
import type { Agency, Region } from "../../lib/types";
import { useResource } from "../hooks";
import { getInstallationRegency } from "../regions";

/** Active agencies, for consent records, referrals and service providers. */
export function useAgencyOptions(): { value: string; label: string }[] {
  const agencies = useResource<{ items: Agency[] }>("/api/admin/agencies");
  return (agencies.data?.items ?? []).filter((agency) => agency.active).map((agency) => ({ value: agency.id, label: agency.name }));
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

export const dash = (value: string | null | undefined) => (value ? value : "–");

export function options<T extends string>(t: TFunction, prefix: string, values: readonly T[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

const STATUS_COLOR: Record<string, string> = { open: "blue", under_assessment: "yellow", active: "teal", closed: "gray" };
const PRIORITY_COLOR: Record<string, string> = { low: "gray", normal: "blue", high: "orange", urgent: "red" };

export function CaseBadges({ item }: { item: Pick<CaseSummary, "status" | "priority" | "traffickingStatus"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={STATUS_COLOR[item.status] ?? "gray"} data-testid="case-status">
        {t(`cases.status.${item.status}`)}
      </Badge>
      <Badge variant="outline" color={PRIORITY_COLOR[item.priority] ?? "gray"}>
        {t(`cases.priority.${item.priority}`)}
      </Badge>
      <Badge variant="light" color="grape">
        {t(`cases.trafficking.${item.traffickingStatus}`)}
      </Badge>
    </Group>
  );
}

/** Kecamatan then desa of the installation's regency; reports the chosen desa code (or kecamatan when no desa). */
export function DesaPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const [kecamatan, setKecamatan] = useState<string>(value ? value.split(".").slice(0, 3).join(".") : "");
  const [kecamatanOptions, setKecamatanOptions] = useState<{ value: string; label: string }[]>([]);
  const [desaOptions, setDesaOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    let cancelled = false;
    void getInstallationRegency()
      .then((regency) => api.get<{ items: Region[] }>(`/api/regions/${encodeURIComponent(regency)}/children`))
      .then((result) => {
        if (!cancelled) setKecamatanOptions(result.items.map((region) => ({ value: region.code, label: region.name })));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    setDesaOptions([]);
    if (!kecamatan) return;
    let cancelled = false;
    api
      .get<{ items: Region[] }>(`/api/regions/${encodeURIComponent(kecamatan)}/children`)
      .then((result) => {
        if (!cancelled) setDesaOptions(result.items.map((region) => ({ value: region.code, label: region.name })));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [kecamatan]);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t("cases.person.kecamatan")}
        data={kecamatanOptions}
        value={kecamatan || null}
        searchable
        clearable
        onChange={(code) => {
          setKecamatan(code ?? "");
          onChange(code ?? "");
        }}
      />
      <Select
        label={t("cases.person.desa")}
        data={desaOptions}
        value={value && value.split(".").length === 4 ? value : null}
        searchable
        clearable
        disabled={!kecamatan}
        onChange={(code) => onChange(code ?? kecamatan)}
      />
    </SimpleGrid>
  );
}

/** Comma- or newline-separated text to a list. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A calendar date (YYYY-MM-DD) shown in the user's format. */
export const day = (date: string | null | undefined) => (date ? formatDate(`${date.slice(0, 10)}T12:00:00+07:00`) : "–");

/** The "add" button of a tab, shown when the case's abilities allow it. */
export function AddButton({ show, label, onClick }: { show: boolean; label: string; onClick: () => void }) {
  if (!show) return null;
  return (
    <Group>
      <Button size="sm" onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

export function Empty({ shown, children }: { shown: boolean; children: ReactNode }) {
  return shown ? (
    <Text c="dimmed" size="sm">
      {children}
    </Text>
  ) : null;
}

export function personLabel(t: TFunction, p: CasePerson): string {
  return p.name ?? t("cases.person.anonymous", { sex: t(`cases.sex.${p.sex}`), age: t(`cases.ageBand.${p.ageBand}`) });
}
