// The result part of a console list page: the error and the count above the list, the list itself,
// an "empty" line when nothing matched, the loading line, and the pager below.
// `DataList` renders its columns as a table on wide screens and as one card per record on phones
// (below 600 px), where a 700 px table would scroll sideways; on wide screens it is a `ListTable`, the
// table-only form (children are table rows) that the screening and intelligence lists still use directly.
import { Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { HTMLAttributes, MouseEvent, ReactNode } from "react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../lib/format";
import type { Resource } from "./hooks";
import { ErrorAlert } from "./FormErrorAlert";

/** Phones: one card per record instead of a table row. */
export const CARDS_QUERY = "(max-width: 37.49em)";

/** The list's load error, and the count once it has loaded. */
export function ListStatus({ list, count, countTestId }: { list: Resource<unknown>; count: string; countTestId?: string }) {
  return (
    <>
      <ErrorAlert error={list.error} />
      {list.data !== undefined && (
        <Text size="sm" role="status" data-testid={countTestId}>
          {count}
        </Text>
      )}
    </>
  );
}

export interface Column<T> {
  /** The table's column header, and the label before the value on a card. */
  header: string;
  cell: (item: T) => ReactNode;
  /** The record's name: on a card it comes first, without a label. */
  title?: boolean;
  nowrap?: boolean;
}

export type RowProps = Omit<HTMLAttributes<HTMLElement>, "onClick" | "children"> & {
  "data-testid"?: string;
  "data-overdue"?: string;
  "data-username"?: string;
  /** Opens the record; clicks on links and buttons inside the row keep their own meaning. */
  onOpen?: () => void;
};

function openHandler(onOpen: (() => void) | undefined) {
  if (!onOpen) return undefined;
  return (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest("a, button, input, label")) return;
    onOpen();
  };
}

/** A record's row or card: its props (with the click that opens it), and what is shown under it. */
function recordParts<T>(item: T, rowProps: ((item: T) => RowProps) | undefined, expanded: ((item: T) => ReactNode) | undefined) {
  const { onOpen, ...props } = rowProps?.(item) ?? {};
  return {
    props: { ...props, onClick: openHandler(onOpen), style: onOpen ? { ...props.style, cursor: "pointer" } : props.style },
    more: expanded?.(item),
  };
}

export interface DataListProps<T> {
  list: Resource<unknown>;
  items: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (item: T) => string;
  rowProps?: (item: T) => RowProps;
  /** Extra content under a record (an opened detail), or null. */
  expanded?: (item: T) => ReactNode;
  /** The text shown when the list loaded without error and has no records. */
  empty: string;
  /** The table's minimum width on wide screens (it scrolls inside its box below that). */
  minWidth: number;
  /** The accessible name of the list of cards. */
  label?: string;
  highlightOnHover?: boolean;
}

export function DataList<T>({
  list,
  items,
  columns,
  rowKey,
  rowProps,
  expanded,
  empty,
  minWidth,
  label,
  highlightOnHover = true,
}: DataListProps<T>) {
  const { t } = useTranslation();
  const cards = useMediaQuery(CARDS_QUERY, undefined, { getInitialValueInEffect: false }) ?? false;
  const showEmpty = !list.loading && items.length === 0 && !list.error;

  if (cards) {
    return (
      <>
        <Stack component="ul" gap="xs" className="konsol-cards" aria-label={label} data-layout="cards">
          {items.map((item) => {
            const { props, more } = recordParts(item, rowProps, expanded);
            return (
              <Paper key={rowKey(item)} component="li" withBorder p="sm" {...props}>
                {columns
                  .filter((column) => column.title)
                  .map((column) => (
                    <div key={column.header}>{column.cell(item)}</div>
                  ))}
                <dl className="konsol-card-fields">
                  {columns
                    .filter((column) => !column.title)
                    .map((column) => (
                      <Fragment key={column.header}>
                        <dt>{column.header}</dt>
                        <dd>{column.cell(item)}</dd>
                      </Fragment>
                    ))}
                </dl>
                {more ? <div className="konsol-card-more">{more}</div> : null}
              </Paper>
            );
          })}
        </Stack>
        {showEmpty && <Text size="sm">{empty}</Text>}
        {list.loading && <Text role="status">{t("common.loading")}</Text>}
      </>
    );
  }

  return (
    <ListTable
      list={list}
      headers={columns.map((column) => column.header)}
      empty={empty}
      isEmpty={items.length === 0}
      minWidth={minWidth}
      highlightOnHover={highlightOnHover}
    >
      {items.map((item) => {
        const { props, more } = recordParts(item, rowProps, expanded);
        return (
          <Fragment key={rowKey(item)}>
            <Table.Tr {...props}>
              {columns.map((column) => (
                <Table.Td key={column.header} style={column.nowrap ? { whiteSpace: "nowrap" } : undefined}>
                  {column.cell(item)}
                </Table.Td>
              ))}
            </Table.Tr>
            {more ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{more}</Table.Td>
              </Table.Tr>
            ) : null}
          </Fragment>
        );
      })}
    </ListTable>
  );
}

/** One page of a list the server pages. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** A list the server pages, under its filters: the load error and count, the list, and the pager. */
export function PagedList<T>({
  list,
  count,
  countTestId,
  offset,
  pageSize,
  onPage,
  ...rest
}: Omit<DataListProps<T>, "list" | "items"> & {
  list: Resource<Page<T>>;
  /** The count line, given the number of records that match. */
  count: (total: number) => string;
  countTestId?: string;
  offset: number;
  pageSize: number;
  onPage: (offset: number) => void;
}) {
  const total = list.data?.total ?? 0;
  return (
    <>
      <ListStatus list={list} count={count(total)} countTestId={countTestId} />
      <DataList list={list} items={list.data?.items ?? []} {...rest} />
      <Pager total={total} offset={offset} pageSize={pageSize} onChange={onPage} />
    </>
  );
}

/** The query parameters of one page of a list the server pages. */
export function pageParams(offset: number, pageSize: number): { limit: string; offset: string | undefined } {
  return { limit: String(pageSize), offset: offset ? String(offset) : undefined };
}

/** Previous and next page of a list the server pages (limit/offset), with "1–50 of 326". */
export function Pager({
  total,
  offset,
  pageSize,
  onChange,
}: {
  total: number;
  offset: number;
  pageSize: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= pageSize && offset === 0) return null;
  const last = Math.min(total, offset + pageSize);
  return (
    <Paper p="xs">
      <Group gap="sm">
        <Button variant="default" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
          {t("list.previous")}
        </Button>
        <Text size="sm" role="status" data-testid="pager-range">
          {t("list.range", { from: formatNumber(total === 0 ? 0 : offset + 1), to: formatNumber(last), total: formatNumber(total) })}
        </Text>
        <Button variant="default" disabled={last >= total} onClick={() => onChange(offset + pageSize)}>
          {t("list.next")}
        </Button>
      </Group>
    </Paper>
  );
}

/** The table form of a list (children are its rows), with the "empty" row and the loading line. */
export function ListTable({
  list,
  headers,
  empty,
  isEmpty,
  minWidth,
  highlightOnHover = true,
  children,
}: {
  list: Resource<unknown>;
  headers: readonly string[];
  /** The text of the row shown when the list loaded without error and has no rows. */
  empty: string;
  isEmpty: boolean;
  minWidth: number;
  highlightOnHover?: boolean;
  /** The rows. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="xs" highlightOnHover={highlightOnHover} data-layout="table">
          <Table.Thead>
            <Table.Tr>
              {headers.map((header) => (
                <Table.Th key={header}>{header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {children}
            {!list.loading && isEmpty && !list.error && (
              <Table.Tr>
                <Table.Td colSpan={headers.length}>{empty}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.loading && <Text role="status">{t("common.loading")}</Text>}
    </>
  );
}
