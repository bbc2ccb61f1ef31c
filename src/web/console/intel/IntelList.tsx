// Entities linked across records, most-named first; search by a number, account, handle, NIK or company;
// the watchlist. Every search is audited on the server (the kinds searched, never the value).
import { Badge, Button, Checkbox, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import { INTEL_PATH, type EntitySummary } from "../../lib/intel";
import { navigate } from "../../lib/router";
import { FilterBar, usePagedFilters } from "../FilterBar";
import { useResource } from "../hooks";
import { ListStatus, ListTable, pageParams } from "../ListTable";
import { usePageTitle } from "../usePageTitle";
import { PageHeader } from "../PageHeader";

interface Filters {
  q: string;
  watched: boolean;
  minRecords: string;
}
const EMPTY: Filters = { q: "", watched: false, minRecords: "2" };
const PAGE = 50;

export function IntelList() {
  const { t } = useTranslation();
  usePageTitle(t("intel.title"));
  const filters = usePagedFilters<Filters>(EMPTY);
  const { draft, applied, set, offset, setOffset } = filters;
  const q = applied.q.trim();
  const list = useResource<{ items: EntitySummary[]; total: number }>(
    `/api/intel/entities${query({
      q: q.length >= 3 ? q : undefined,
      watched: applied.watched ? "true" : undefined,
      minRecords: q ? "1" : applied.minRecords,
      ...pageParams(offset, PAGE),
    })}`,
  );
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <Stack>
      <PageHeader title={t("intel.title")} lead={t("intel.lead")} />
      <FilterBar
        label={t("intel.filters")}
        cols={{ base: 1, sm: 2, md: 3 }}
        filters={filters}
        leading={
          <Checkbox label={t("intel.watchedOnly")} checked={draft.watched} onChange={(e) => set("watched")(e.currentTarget.checked)} />
        }
      >
        <TextInput
          label={t("intel.search")}
          description={t("intel.searchHint")}
          value={draft.q}
          onChange={(e) => set("q")(e.currentTarget.value)}
        />
        <Select
          label={t("intel.minRecords")}
          data={["1", "2", "3", "5"].map((value) => ({ value, label: t("intel.minRecordsOption", { n: value }) }))}
          value={draft.minRecords}
          onChange={(value) => set("minRecords")(value ?? "2")}
          allowDeselect={false}
        />
      </FilterBar>
      <ListStatus list={list} count={t("intel.count", { n: formatNumber(total) })} />
      <ListTable
        list={list}
        minWidth={680}
        headers={[t("intel.entity"), t("intel.identifiers"), t("intel.reports"), t("intel.screenings"), t("intel.cases")]}
        empty={t("intel.empty")}
        isEmpty={items.length === 0}
      >
        {items.map((e) => (
          <Table.Tr key={e.id} data-testid="entity-row" style={{ cursor: "pointer" }} onClick={() => navigate(`${INTEL_PATH}/${e.id}`)}>
            <Table.Td>
              <Group gap={6}>
                <a href={`${INTEL_PATH}/${e.id}`} onClick={(event) => event.preventDefault()}>
                  {e.label ?? t("intel.unnamed")}
                </a>
                {e.watched ? <Badge color="red">{t("intel.watched")}</Badge> : null}
              </Group>
            </Table.Td>
            <Table.Td>{e.identifiers.map((i) => i.value).join(", ")}</Table.Td>
            <Table.Td>{formatNumber(e.records.report)}</Table.Td>
            <Table.Td>{formatNumber(e.records.screening)}</Table.Td>
            <Table.Td>{formatNumber(e.records.case)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {total > PAGE && (
        <Group justify="center">
          <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t("screening.previous")}
          </Button>
          <Button variant="default" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t("screening.next")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
