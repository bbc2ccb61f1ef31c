// Desa Binaan: every desa in the user's jurisdiction with its programme status, risk level and the
// sentence that explains it, and the last outreach session there.
import { Badge, Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { formatDate, formatNumber } from "../../lib/format";
import { Link, useLocation } from "../../lib/router";
import type { Me } from "../../lib/types";
import { FilterBar, filtersFromSearch, usePagedFilters } from "../FilterBar";
import { type Column, pageParams, type Page, PagedList } from "../ListTable";
import { useResource } from "../hooks";
import { useKecamatanList } from "../outreach/desaOptions";
import { usePageTitle } from "../usePageTitle";
import { MAP_PATH, PROGRAM_STATUSES, RISK_COLOURS, type RiskLevel, STATUS_COLOURS, type VillageSummary, villagePath } from "./types";
import { PageHeader } from "../PageHeader";

const RISKS: readonly RiskLevel[] = ["high", "medium", "low", "unknown"];
const EMPTY = { kecamatan: "", status: "", risk: "", reach: "", q: "" };
const REACH = ["never", "stale"] as const;
const PAGE = 50;

export function RiskBadge({ risk }: { risk: VillageSummary["risk"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLOURS[risk.level]} variant={risk.level === "high" ? "filled" : "light"}>
      {t(`villages.risk.${risk.level}`)}
    </Badge>
  );
}

export function riskReason(risk: VillageSummary["risk"], language: string): string {
  return language === "en" ? risk.reasonEn : risk.reason;
}

export function Villages({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t("villages.title"));
  const { search } = useLocation();
  const filters = usePagedFilters(EMPTY, (draft) => ({ ...draft, q: draft.q.trim() }), filtersFromSearch(EMPTY, search));
  const { draft, applied, set, offset, setOffset } = filters;
  const kecamatanList = useKecamatanList(true, me.jurisdiction);
  const list = useResource<Page<VillageSummary>>(`/api/villages${query({ ...applied, ...pageParams(offset, PAGE) })}`);

  const columns: Column<VillageSummary>[] = [
    {
      header: t("outreach.desa"),
      title: true,
      cell: (village) => (
        <Text component={Link} href={villagePath(village.code)} fw={600} size="sm" c="teal.9">
          {village.name}
        </Text>
      ),
    },
    { header: t("outreach.kecamatan"), cell: (village) => village.kecamatanName },
    {
      header: t("villages.status"),
      cell: (village) => (
        <Badge color={STATUS_COLOURS[village.status]} variant="light">
          {t(`villages.programStatus.${village.status}`)}
        </Badge>
      ),
    },
    {
      header: t("villages.riskLevel"),
      cell: (village) => (
        <>
          <RiskBadge risk={village.risk} />
          <Text size="xs" c="dimmed" maw={360}>
            {riskReason(village.risk, i18n.language)}
          </Text>
        </>
      ),
    },
    {
      header: t("villages.lastOutreach"),
      cell: (village) =>
        village.outreach.lastSessionAt ? (
          <>
            {formatDate(village.outreach.lastSessionAt)}
            <Text size="xs" c="dimmed">
              {t("villages.outreachSummary", { sessions: village.outreach.sessions, people: formatNumber(village.outreach.peopleReached) })}
            </Text>
          </>
        ) : (
          t("villages.neverReached")
        ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t("villages.title")} lead={t("villages.lead")} />
      {me.abilities.viewVillageMap && (
        <Group>
          <Button component={Link} href={MAP_PATH} variant="default">
            {t("nav.map")}
          </Button>
        </Group>
      )}
      <FilterBar label={t("villages.filters")} cols={{ base: 1, xs: 2, md: 4 }} filters={filters}>
        <NativeSelect
          label={t("outreach.kecamatan")}
          value={draft.kecamatan}
          onChange={(e) => set("kecamatan")(e.currentTarget.value)}
          data={[{ value: "", label: t("outreach.any") }, ...kecamatanList.map((region) => ({ value: region.code, label: region.name }))]}
        />
        <NativeSelect
          label={t("villages.status")}
          value={draft.status}
          onChange={(e) => set("status")(e.currentTarget.value)}
          data={[
            { value: "", label: t("outreach.any") },
            ...PROGRAM_STATUSES.map((value) => ({ value, label: t(`villages.programStatus.${value}`) })),
          ]}
        />
        <NativeSelect
          label={t("villages.riskLevel")}
          value={draft.risk}
          onChange={(e) => set("risk")(e.currentTarget.value)}
          data={[{ value: "", label: t("outreach.any") }, ...RISKS.map((value) => ({ value, label: t(`villages.risk.${value}`) }))]}
        />
        <NativeSelect
          label={t("villages.reachLabel")}
          value={draft.reach}
          onChange={(e) => set("reach")(e.currentTarget.value)}
          data={[{ value: "", label: t("outreach.any") }, ...REACH.map((value) => ({ value, label: t(`villages.reach.${value}`) }))]}
        />
        <TextInput label={t("villages.search")} value={draft.q} onChange={(e) => set("q")(e.currentTarget.value)} />
      </FilterBar>
      <PagedList
        list={list}
        count={(n) => t("villages.count", { n: formatNumber(n) })}
        offset={offset}
        pageSize={PAGE}
        onPage={setOffset}
        columns={columns}
        rowKey={(village) => village.code}
        rowProps={() => ({ "data-testid": "village-row" })}
        minWidth={820}
        label={t("villages.title")}
        empty={t("villages.empty")}
      />
    </Stack>
  );
}
