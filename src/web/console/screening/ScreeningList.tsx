// The office's interviews, newest first, and the ones waiting for this officer's blind review.
import { Badge, Button, Group, Select, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { formatDateTime, formatNumber } from "../../lib/format";
import { navigate } from "../../lib/router";
import { SCREENING_NEW_PATH, SCREENINGS_PATH, type ScreeningSummary } from "../../lib/screening";
import { FilterBar, usePagedFilters } from "../FilterBar";
import { useResource } from "../hooks";
import { ListStatus, ListTable, pageParams } from "../ListTable";
import { usePageTitle } from "../usePageTitle";
import { DecisionBadge, StatusBadge, useCountryName } from "./parts";
import { PageHeader } from "../PageHeader";

interface Filters {
  status: string;
  decision: string;
  code: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { status: "", decision: "", code: "", from: "", to: "" };
const PAGE = 50;
const STATUSES = ["decided", "awaiting_review", "awaiting_tiebreak", "final"] as const;
const DECISIONS = ["issue", "postpone", "refuse"] as const;

export function ScreeningList() {
  const { t } = useTranslation();
  usePageTitle(t("screening.title"));
  const [tab, setTab] = useState<"all" | "queue">("all");
  const filters = usePagedFilters<Filters>(EMPTY);
  const { draft, applied, set, offset, setOffset } = filters;
  const country = useCountryName();
  const path =
    tab === "queue"
      ? "/api/screenings/review-queue"
      : `/api/screenings${query({
          status: applied.status || undefined,
          decision: applied.decision || undefined,
          code: applied.code.trim() || undefined,
          from: applied.from || undefined,
          to: applied.to || undefined,
          ...pageParams(offset, PAGE),
        })}`;
  const list = useResource<{ items: ScreeningSummary[]; total: number }>(path);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack>
      <PageHeader
        title={t("screening.title")}
        lead={t("screening.lead")}
        actions={<Button onClick={() => navigate(SCREENING_NEW_PATH)}>{t("screening.new")}</Button>}
      />
      <SegmentedControl
        value={tab}
        onChange={(value) => {
          setTab(value as "all" | "queue");
          setOffset(0);
        }}
        data={[
          { value: "all", label: t("screening.tabs.all") },
          { value: "queue", label: t("screening.tabs.queue") },
        ]}
      />
      {tab === "all" && (
        <FilterBar label={t("screening.filters")} cols={{ base: 1, xs: 2, md: 5 }} filters={filters}>
          <Select
            label={t("screening.status")}
            data={STATUSES.map((value) => ({ value, label: t(`screening.statuses.${value}`) }))}
            value={draft.status || null}
            onChange={(value) => set("status")(value ?? "")}
            clearable
            placeholder={t("screening.any")}
          />
          <Select
            label={t("screening.finalDecision")}
            data={DECISIONS.map((value) => ({ value, label: t(`screening.decisions.${value}`) }))}
            value={draft.decision || null}
            onChange={(value) => set("decision")(value ?? "")}
            clearable
            placeholder={t("screening.any")}
          />
          <TextInput label={t("screening.code")} value={draft.code} onChange={(event) => set("code")(event.currentTarget.value)} />
          <TextInput
            type="date"
            label={t("screening.from")}
            value={draft.from}
            onChange={(event) => set("from")(event.currentTarget.value)}
          />
          <TextInput type="date" label={t("screening.to")} value={draft.to} onChange={(event) => set("to")(event.currentTarget.value)} />
        </FilterBar>
      )}
      <ListStatus list={list} count={t("screening.count", { n: formatNumber(total) })} />
      <ListTable
        list={list}
        minWidth={720}
        headers={[
          t("screening.code"),
          t("screening.interviewedAt"),
          t("screening.purpose"),
          t("screening.destination"),
          t("screening.score"),
          t("screening.status"),
        ]}
        empty={tab === "queue" ? t("screening.queueEmpty") : t("screening.empty")}
        isEmpty={items.length === 0}
      >
        {items.map((item) => (
          <Table.Tr
            key={item.id}
            data-testid="screening-row"
            style={{ cursor: "pointer" }}
            onClick={() => navigate(`${SCREENINGS_PATH}/${item.id}`)}
          >
            <Table.Td>
              <a href={`${SCREENINGS_PATH}/${item.id}`} onClick={(event) => event.preventDefault()}>
                {item.code}
              </a>
            </Table.Td>
            <Table.Td>{formatDateTime(item.interviewedAt)}</Table.Td>
            <Table.Td>{t(`screening.purposes.${item.purpose}`)}</Table.Td>
            <Table.Td>{item.destinationCountry ? country(item.destinationCountry) : "–"}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={item.score >= 8 ? "red" : item.score >= 4 ? "orange" : "gray"}>
                {formatNumber(item.score)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <StatusBadge status={item.status} />
                {item.finalDecision ? <DecisionBadge decision={item.finalDecision} /> : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {tab === "all" && total > PAGE && (
        <Group justify="center">
          <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t("screening.previous")}
          </Button>
          <Text size="sm">
            {t("screening.page", {
              from: formatNumber(offset + 1),
              to: formatNumber(Math.min(offset + PAGE, total)),
              total: formatNumber(total),
            })}
          </Text>
          <Button variant="default" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t("screening.next")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
