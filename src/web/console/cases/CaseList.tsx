// The case list: my cases, my team's and those referred to my agency, with overdue referrals and
// services highlighted; coordinators get the aggregate view (sex and age band, never names) and the
// counts from /api/cases/stats. Exact search by NIK or phone goes to the API (keyed hash).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import {
  CASE_NEW_PATH,
  CASE_STATUSES,
  type CaseStats,
  type CaseSummary,
  CASES_PATH,
  type OverdueItem,
  REFERRALS_PATH,
} from "../../lib/cases";
import { formatDate, formatNumber } from "../../lib/format";
import { Link, navigate, useLocation } from "../../lib/router";
import type { Me } from "../../lib/types";
import { FilterBar, filtersFromSearch, useFilters } from "../FilterBar";
import { type Column, DataList, ListStatus } from "../ListTable";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { CaseBadges, Section } from "./shared";
import { PageHeader } from "../PageHeader";

type View = "all" | "mine" | "team" | "referred";

interface Filters {
  status: string;
  traffickingStatus: string;
  overdue: boolean;
  search: string;
}

const EMPTY: Filters = { status: "open_any", traffickingStatus: "", overdue: false, search: "" };
const TRAFFICKING = ["potential", "presumed", "confirmed", "not_victim"] as const;

function searchParams(search: string): { nik?: string; phone?: string; code?: string } {
  const value = search.trim();
  if (!value) return {};
  if (/^\d{16}$/.test(value)) return { nik: value };
  if (/^KS-/i.test(value)) return { code: value.toUpperCase() };
  return { phone: value };
}

export function CaseList({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t("cases.title"));
  const { search } = useLocation();
  const filters = useFilters<Filters>(EMPTY, undefined, filtersFromSearch(EMPTY, search));
  const { draft, applied, set } = filters;
  const [view, setView] = useState<View>("all");
  const path = `/api/cases${query({
    status: applied.status || undefined,
    traffickingStatus: applied.traffickingStatus || undefined,
    overdue: applied.overdue ? "true" : undefined,
    ...searchParams(applied.search),
    limit: "200",
  })}`;
  const list = useResource<{ items: CaseSummary[] }>(path);
  const overdue = useResource<{ items: OverdueItem[] }>("/api/cases/overdue");
  const stats = useResource<CaseStats>(me.abilities.viewCaseStats ? "/api/cases/stats" : null);
  const all = list.data?.items ?? [];
  const items = all.filter((item) => {
    if (view === "mine") return item.owner.id === me.id;
    if (view === "team") return item.access === "team";
    if (view === "referred") return item.access === "referral_case" || item.access === "referral_service";
    return true;
  });
  const aggregate = all.length > 0 && all.every((item) => item.access === "aggregate");

  const columns: Column<(typeof items)[number]>[] = [
    {
      header: t("cases.code"),
      title: true,
      cell: (item) => (
        <>
          <Anchor component={Link} href={`${CASES_PATH}/${item.id}`} ff="monospace" fw={600} size="sm">
            {item.code}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`cases.access.${item.access}`)}
          </Text>
        </>
      ),
    },
    {
      header: t("cases.victims"),
      cell: (item) =>
        item.victims.length === 0
          ? "–"
          : item.victims.map((victim) => (
              <Text size="sm" key={victim.id}>
                {victim.name ??
                  t("cases.person.anonymous", { sex: t(`cases.sex.${victim.sex}`), age: t(`cases.ageBand.${victim.ageBand}`) })}
              </Text>
            )),
    },
    { header: t("cases.statusLabel"), cell: (item) => <CaseBadges item={item} /> },
    {
      header: t("cases.owner"),
      cell: (item) => (
        <>
          <Text size="sm">{item.owner.displayName}</Text>
          <Text size="xs" c="dimmed">
            {item.owner.agency?.name ?? ""}
          </Text>
        </>
      ),
    },
    { header: t("cases.opened"), nowrap: true, cell: (item) => formatDate(item.createdAt) },
    {
      header: t("cases.overdueColumn"),
      cell: (item) => (
        <>
          {item.overdueReferrals > 0 && (
            <Badge color="red" variant="filled" mr={4}>
              {t("cases.overdueReferrals", { n: item.overdueReferrals })}
            </Badge>
          )}
          {item.overdueServices > 0 && (
            <Badge color="orange" variant="filled">
              {t("cases.overdueServices", { n: item.overdueServices })}
            </Badge>
          )}
          {item.overdueReferrals + item.overdueServices === 0 && "–"}
        </>
      ),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t("cases.title")}
        lead={me.abilities.viewCaseStats ? t("cases.leadCoordinator") : t("cases.lead")}
        actions={
          <Group>
            {me.abilities.viewReferrals && (
              <Button component={Link} href={REFERRALS_PATH} variant="default">
                {t("cases.referrals.inboxTitle")}
              </Button>
            )}
            {me.abilities.createCases && (
              <Button component={Link} href={CASE_NEW_PATH}>
                {t("cases.new")}
              </Button>
            )}
          </Group>
        }
      />

      {stats.data && <StatsPanel stats={stats.data} />}

      {(overdue.data?.items.length ?? 0) > 0 && (
        <Alert color="red" title={t("cases.overdueTitle")} data-testid="case-overdue">
          <Stack gap={4}>
            {overdue.data?.items.map((item) => (
              <Text size="sm" key={`${item.kind}-${item.itemId}`}>
                <Anchor component={Link} href={`${CASES_PATH}/${item.caseId}`} ff="monospace">
                  {item.caseCode}
                </Anchor>{" "}
                {t(`cases.overdueKind.${item.kind}`, {
                  agency: item.agency?.name ?? "–",
                  service: item.serviceType ? t(`cases.service.type.${item.serviceType}`) : "",
                  days: formatNumber(item.overdueWorkingDays),
                })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      <FilterBar
        label={t("cases.filters")}
        cols={{ base: 1, sm: 3 }}
        filters={filters}
        applyLabel={t("cases.apply")}
        resetLabel={t("cases.reset")}
        trailing={
          <>
            <Button
              component="a"
              variant="subtle"
              href={`/api/cases/export/htcds${query({ format: "json", status: applied.status || undefined })}`}
              download
            >
              {t("cases.export.bulkJson")}
            </Button>
            <Button
              component="a"
              variant="subtle"
              href={`/api/cases/export/htcds${query({ format: "csv", status: applied.status || undefined })}`}
              download
            >
              {t("cases.export.bulkCsv")}
            </Button>
            <Button
              component="a"
              variant="subtle"
              href={`/api/cases/export.xlsx${query({ status: applied.status || undefined })}`}
              download
            >
              {t("cases.export.xlsx")}
            </Button>
          </>
        }
      >
        <Select
          label={t("cases.statusLabel")}
          data={[
            { value: "open_any", label: t("cases.statusFilter.open_any") },
            ...CASE_STATUSES.map((value) => ({ value, label: t(`cases.status.${value}`) })),
          ]}
          value={draft.status || null}
          clearable
          placeholder={t("cases.any")}
          onChange={(value) => set("status")(value ?? "")}
        />
        <Select
          label={t("cases.traffickingLabel")}
          data={TRAFFICKING.map((value) => ({ value, label: t(`cases.trafficking.${value}`) }))}
          value={draft.traffickingStatus || null}
          clearable
          placeholder={t("cases.any")}
          onChange={(value) => set("traffickingStatus")(value ?? "")}
        />
        <TextInput
          label={t("cases.search")}
          description={t("cases.searchHint")}
          value={draft.search}
          onChange={(event) => set("search")(event.currentTarget.value)}
        />
        <Stack justify="flex-end">
          <Checkbox
            label={t("cases.overdueOnly")}
            checked={draft.overdue}
            onChange={(event) => set("overdue")(event.currentTarget.checked)}
          />
        </Stack>
      </FilterBar>

      {!aggregate && (
        <SegmentedControl
          aria-label={t("cases.viewLabel")}
          value={view}
          onChange={(value) => setView(value as View)}
          data={(["all", "mine", "team", "referred"] as const).map((value) => ({ value, label: t(`cases.view.${value}`) }))}
        />
      )}

      <ListStatus list={list} count={t("cases.count", { n: formatNumber(items.length) })} />

      <DataList
        list={list}
        items={items}
        columns={columns}
        rowKey={(item) => item.id}
        rowProps={(item) => {
          const late = item.overdueReferrals + item.overdueServices > 0;
          return {
            "data-testid": "case-row",
            "data-overdue": late ? "true" : undefined,
            style: late ? { background: "var(--mantine-color-red-0)" } : undefined,
            onOpen: () => navigate(`${CASES_PATH}/${item.id}`),
          };
        }}
        minWidth={760}
        label={t("cases.title")}
        empty={t("cases.empty")}
      />
    </Stack>
  );
}

function Counts({ title, counts, prefix }: { title: string; counts: Record<string, number>; prefix: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      {Object.entries(counts).map(([key, n]) => (
        <Text size="sm" key={key}>
          {prefix ? t(`${prefix}.${key}`, { defaultValue: key }) : key}: {formatNumber(n)}
        </Text>
      ))}
    </Stack>
  );
}

function StatsPanel({ stats }: { stats: CaseStats }) {
  const { t } = useTranslation();
  return (
    <Section title={t("cases.stats.title")}>
      <Paper>
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t("cases.stats.cases")}
            </Text>
            <Text fw={700} size="xl">
              {formatNumber(stats.cases)}
            </Text>
            <Text size="sm">{t("cases.overdueReferrals", { n: stats.overdueReferrals })}</Text>
            <Text size="sm">{t("cases.overdueServices", { n: stats.overdueServices })}</Text>
          </Stack>
          <Counts title={t("cases.statusLabel")} counts={stats.byStatus} prefix="cases.status" />
          <Counts title={t("cases.traffickingLabel")} counts={stats.byTraffickingStatus} prefix="cases.trafficking" />
          <Counts title={t("cases.person.sex")} counts={stats.victimsBySex} prefix="cases.sex" />
          <Counts title={t("cases.person.ageBand")} counts={stats.victimsByAgeBand} prefix="cases.ageBand" />
        </SimpleGrid>
      </Paper>
    </Section>
  );
}
