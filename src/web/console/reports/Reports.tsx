// Pengaduan in the console: the coordinators' triage queue (GET /api/reports) or, for agency
// operators, their agency's inbox (GET /api/reports/inbox). Which one follows the abilities from
// /api/auth/me; overdue reports come first and are highlighted with their due dates.
import { Badge, Checkbox, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import { REPORT_CATEGORIES, type ReportSummary } from "../../lib/reports";
import { Link, navigate, useLocation } from "../../lib/router";
import type { Me } from "../../lib/types";
import { FilterBar, filtersFromSearch, usePagedFilters } from "../FilterBar";
import { type Column, pageParams, type Page, PagedList } from "../ListTable";
import { useRegionNames, useResource } from "../hooks";
import { useKecamatanList } from "../outreach/desaOptions";
import { usePageTitle } from "../usePageTitle";
import { StatusBadge } from "./StatusBadge";
import "./reports.css";
import { PageHeader } from "../PageHeader";

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

export function Reports({ me }: { me: Me }) {
  const { t } = useTranslation();
  const triage = me.abilities.triageReports === true;
  const title = triage ? t("reports.queueTitle") : t("reports.inboxTitle");
  usePageTitle(title);
  const { search } = useLocation();
  const filters = usePagedFilters<Filters>(EMPTY, undefined, filtersFromSearch(EMPTY, search));
  const { draft, applied, set, offset, setOffset } = filters;
  // The queue is scoped to the coordinator's jurisdiction; an agency's inbox holds whatever was forwarded to it.
  const kecamatanOptions = useKecamatanList(true, triage ? me.jurisdiction : undefined).map((region) => ({
    value: region.code,
    label: region.name,
  }));

  const base = triage ? "/api/reports" : "/api/reports/inbox";
  const path = `${base}${query({
    status: applied.status || undefined,
    category: applied.category || undefined,
    kecamatan: applied.kecamatan || undefined,
    overdue: applied.overdue ? "true" : undefined,
    q: applied.q.trim() || undefined,
    ...pageParams(offset, PAGE),
  })}`;
  const list = useResource<Page<ReportSummary>>(path);
  const items = list.data?.items ?? [];
  const names = useRegionNames([...new Set(items.flatMap((item) => (item.regionCode ? [item.regionCode] : [])))]);

  const columns: Column<ReportSummary>[] = [
    {
      header: t("reports.code"),
      title: true,
      cell: (item) => (
        <>
          <Text component={Link} href={`${REPORTS_PATH}/${item.id}`} fw={600} ff="monospace" size="sm" c="teal.9">
            {item.trackingCode}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2} maw={320}>
            {item.excerpt}
          </Text>
        </>
      ),
    },
    { header: t("reports.category"), cell: (item) => t(`report.category.${item.category}.label`) },
    { header: t("reports.status"), cell: (item) => <StatusBadge status={item.status} /> },
    {
      header: t("reports.place"),
      cell: (item) => (item.regionCode ? (names[item.regionCode] ?? item.regionCode) : (item.placeText ?? "–")),
    },
    { header: t("reports.received"), nowrap: true, cell: (item) => formatDate(item.receivedAt) },
    {
      header: t("reports.due"),
      nowrap: true,
      cell: (item) => (
        <span data-testid="report-due">
          {item.overdue && (
            <Badge color="red" variant="filled" mr={4}>
              {t("reports.overdue")}
            </Badge>
          )}
          {item.nextDueAt ? formatDateTime(item.nextDueAt) : "–"}
        </span>
      ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={title} lead={triage ? t("reports.queueLead") : t("reports.inboxLead")} />
      <FilterBar
        label={t("reports.filters")}
        cols={{ base: 1, xs: 2, md: 4 }}
        filters={filters}
        leading={
          <Checkbox
            label={t("reports.overdueOnly")}
            checked={draft.overdue}
            onChange={(event) => set("overdue")(event.currentTarget.checked)}
          />
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

      <PagedList
        list={list}
        count={(n) => t("reports.count", { n: formatNumber(n) })}
        offset={offset}
        pageSize={PAGE}
        onPage={setOffset}
        columns={columns}
        rowKey={(item) => item.id}
        rowProps={(item) => ({
          className: item.overdue ? "konsol-report-overdue" : undefined,
          "data-overdue": item.overdue ? "true" : undefined,
          "data-testid": "report-row",
          onOpen: () => navigate(`${REPORTS_PATH}/${item.id}`),
        })}
        minWidth={760}
        label={title}
        empty={t("reports.empty")}
      />
    </Stack>
  );
}
