// Pengaduan in the console: the coordinators' triage queue (GET /api/reports) or, for agency
// operators, their agency's inbox (GET /api/reports/inbox). Which one follows the abilities from
// /api/auth/me; overdue reports come first and are highlighted with their due dates.
import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, query } from "../../lib/api";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import { REPORT_CATEGORIES, type ReportSummary } from "../../lib/reports";
import { Link, navigate } from "../../lib/router";
import type { Me, Region } from "../../lib/types";
import { FilterBar, useFilters } from "../FilterBar";
import { ListStatus, ListTable } from "../ListTable";
import { useRegionNames, useResource } from "../hooks";
import { getInstallationRegency } from "../regions";
import { usePageTitle } from "../usePageTitle";
import { StatusBadge } from "./StatusBadge";
import "./reports.css";

export const REPORTS_PATH = "/konsol/laporan";

interface Filters {
  status: string;
  category: string;
  kecamatan: string;
  overdue: boolean;
  q: string;
}

const EMPTY: Filters = { status: "open", category: "", kecamatan: "", overdue: false, q: "" };
const PAGE = 50;
const STATUS_FILTERS = ["open", "received", "verified", "forwarded", "in_handling", "closed", "rejected"] as const;

function useKecamatanOptions(): { value: string; label: string }[] {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let cancelled = false;
    void getInstallationRegency()
      .then((regency) => api.get<{ items: Region[] }>(`/api/regions/${encodeURIComponent(regency)}/children`))
      .then((result) => {
        if (!cancelled) setOptions(result.items.map((region) => ({ value: region.code, label: region.name })));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return options;
}

export function Reports({ me }: { me: Me }) {
  const { t } = useTranslation();
  const triage = me.abilities.triageReports === true;
  const title = triage ? t("reports.queueTitle") : t("reports.inboxTitle");
  usePageTitle(title);
  const filters = useFilters<Filters>(EMPTY);
  const { draft, applied, set } = filters;
  const [offset, setOffset] = useState(0);
  const kecamatanOptions = useKecamatanOptions();

  const base = triage ? "/api/reports" : "/api/reports/inbox";
  const path = `${base}${query({
    status: applied.status || undefined,
    category: applied.category || undefined,
    kecamatan: applied.kecamatan || undefined,
    overdue: applied.overdue ? "true" : undefined,
    q: applied.q.trim() || undefined,
    limit: String(PAGE),
    offset: offset ? String(offset) : undefined,
  })}`;
  const list = useResource<{ items: ReportSummary[]; total: number }>(path);
  const items = list.data?.items ?? [];
  const names = useRegionNames([...new Set(items.flatMap((item) => (item.regionCode ? [item.regionCode] : [])))]);

  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {triage ? t("reports.queueLead") : t("reports.inboxLead")}
      </Text>
      <FilterBar
        label={t("reports.filters")}
        cols={{ base: 1, xs: 2, md: 4 }}
        onApply={() => {
          setOffset(0);
          filters.apply();
        }}
        onReset={() => {
          filters.reset();
          setOffset(0);
        }}
        leading={
          <Checkbox label={t("reports.overdueOnly")} checked={draft.overdue} onChange={(event) => set("overdue")(event.currentTarget.checked)} />
        }
      >
        <Select
          label={t("reports.status")}
          data={STATUS_FILTERS.map((value) => ({ value, label: t(`reports.statusFilter.${value}`) }))}
          value={draft.status}
          onChange={(value) => set("status")(value ?? "")}
          clearable
          placeholder={t("reports.any")}
        />
        <Select
          label={t("reports.category")}
          data={REPORT_CATEGORIES.map((value) => ({ value, label: t(`report.category.${value}.label`) }))}
          value={draft.category || null}
          onChange={(value) => set("category")(value ?? "")}
          clearable
          placeholder={t("reports.any")}
        />
        <Select
          label={t("reports.kecamatan")}
          data={kecamatanOptions}
          value={draft.kecamatan || null}
          onChange={(value) => set("kecamatan")(value ?? "")}
          clearable
          searchable
          placeholder={t("reports.any")}
        />
        <TextInput
          label={t("reports.search")}
          placeholder={t("reports.searchPlaceholder")}
          value={draft.q}
          onChange={(event) => set("q")(event.currentTarget.value)}
        />
      </FilterBar>

      <ListStatus list={list} count={t("reports.count", { n: formatNumber(list.data?.total ?? 0) })} />

      <ListTable
        list={list}
        minWidth={760}
        headers={[t("reports.code"), t("reports.category"), t("reports.status"), t("reports.place"), t("reports.received"), t("reports.due")]}
        empty={t("reports.empty")}
        isEmpty={items.length === 0}
      >
        {items.map((item) => (
          <Table.Tr
            key={item.id}
            className={item.overdue ? "konsol-report-overdue" : undefined}
            data-overdue={item.overdue ? "true" : undefined}
            data-testid="report-row"
            style={{ cursor: "pointer" }}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest("a")) return;
              navigate(`${REPORTS_PATH}/${item.id}`);
            }}
          >
            <Table.Td>
              <Text component={Link} href={`${REPORTS_PATH}/${item.id}`} fw={600} ff="monospace" size="sm" c="teal.9">
                {item.trackingCode}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={2} maw={320}>
                {item.excerpt}
              </Text>
            </Table.Td>
            <Table.Td>{t(`report.category.${item.category}.label`)}</Table.Td>
            <Table.Td>
              <StatusBadge status={item.status} />
            </Table.Td>
            <Table.Td>{item.regionCode ? (names[item.regionCode] ?? item.regionCode) : (item.placeText ?? "–")}</Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(item.receivedAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              {item.overdue && (
                <Badge color="red" variant="filled" mr={4}>
                  {t("reports.overdue")}
                </Badge>
              )}
              {item.nextDueAt ? formatDateTime(item.nextDueAt) : "–"}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && list.data.total > PAGE && (
        <Paper p="xs">
          <Group>
            <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t("reports.previous")}
            </Button>
            <Button variant="default" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>
              {t("reports.next")}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
