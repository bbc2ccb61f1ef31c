import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, query } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime, wibDayBoundary } from "../../lib/format";
import type { AuditEntry, Page } from "../../lib/types";
import { Chip } from "../Chip";
import { FilterBar, useFilters } from "../FilterBar";
import { usePageTitle } from "../usePageTitle";
import { PageHeader } from "../PageHeader";
import { SimpleTable } from "../SimpleTable";

interface Filters {
  action: string;
  /** Chosen by clicking a user in the list: the API filters by user id. */
  actor: { id: string; username: string | null } | null;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: "", actor: null, from: "", to: "" };

function filterQuery(filters: Filters, cursor?: string | null): string {
  return query({
    action: filters.action.trim(),
    actor: filters.actor?.id,
    from: filters.from ? wibDayBoundary(filters.from, "start") : undefined,
    to: filters.to ? wibDayBoundary(filters.to, "end") : undefined,
    cursor,
  });
}

export function Audit() {
  const { t } = useTranslation();
  usePageTitle(t("nav.audit"));
  const filters = useFilters<Filters>(EMPTY);
  const { draft, applied } = filters;
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  async function load(filters: Filters, cursor: string | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<Page<AuditEntry>>(`/api/audit${filterQuery(filters, cursor)}`);
      setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
      setNextCursor(page.nextCursor === null || page.nextCursor === undefined ? null : String(page.nextCursor));
    } catch (caught) {
      if (!cursor) setItems([]);
      setNextCursor(null);
      setError(caught);
    } finally {
      setLoading(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads only when the applied filters change
  useEffect(() => {
    void load(applied, null);
  }, [applied]);

  function filterByActor(actor: Filters["actor"]) {
    filters.replace({ ...draft, actor });
  }

  function update(field: "action" | "from" | "to") {
    return (event: { currentTarget: { value: string } }) => filters.set(field)(event.currentTarget.value);
  }

  return (
    <Stack>
      <PageHeader title={t("nav.audit")} />
      <FilterBar
        label={t("audit.filters")}
        cols={{ base: 1, xs: 3 }}
        filters={filters}
        below={
          draft.actor && (
            <Group gap="xs" mt="sm">
              <Text size="sm">{t("audit.actor")}:</Text>
              <Chip removeLabel={t("audit.clearActor")} onRemove={() => filterByActor(null)}>
                {draft.actor.username ?? draft.actor.id}
              </Chip>
            </Group>
          )
        }
      >
        <TextInput label={t("audit.action")} placeholder={t("audit.actionPlaceholder")} value={draft.action} onChange={update("action")} />
        <TextInput label={t("audit.from")} type="date" value={draft.from} onChange={update("from")} />
        <TextInput label={t("audit.to")} type="date" value={draft.to} onChange={update("to")} />
      </FilterBar>
      <Text size="sm" c="dimmed">
        {t("audit.timeZoneNote")} {t("audit.actorHint")}
      </Text>
      {error ? (
        <Alert color="red" role="alert">
          {errorMessage(error)}
        </Alert>
      ) : null}
      <SimpleTable
        minWidth={720}
        striped
        verticalSpacing="xs"
        headers={[t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.resource"), t("audit.ip")]}
      >
        {items.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at)}</Table.Td>
            <Table.Td>
              {entry.actor?.id ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  title={t("audit.filterByActor", { username: entry.actor.username ?? entry.actor.id })}
                  onClick={() => entry.actor?.id && filterByActor({ id: entry.actor.id, username: entry.actor.username })}
                >
                  {entry.actor.username ?? entry.actor.id}
                </Anchor>
              ) : (
                (entry.actor?.username ?? t("audit.system"))
              )}
            </Table.Td>
            <Table.Td>
              <code>{entry.action}</code>
            </Table.Td>
            <Table.Td>
              {entry.resourceType ?? "–"}
              {entry.resourceId ? ` · ${entry.resourceId}` : ""}
            </Table.Td>
            <Table.Td>{entry.ip ?? "–"}</Table.Td>
          </Table.Tr>
        ))}
        {!loading && items.length === 0 && !error && (
          <Table.Tr>
            <Table.Td colSpan={5}>{t("audit.empty")}</Table.Td>
          </Table.Tr>
        )}
      </SimpleTable>
      {loading && <Text role="status">{t("common.loading")}</Text>}
      {nextCursor && !loading && (
        <Button variant="light" onClick={() => void load(applied, nextCursor)} w="fit-content">
          {t("audit.more")}
        </Button>
      )}
    </Stack>
  );
}
