// The result part of a console list page: the error and the count above the table, and the table
// with its header row, the rows, an "empty" row when nothing matched, and the loading line.
import { Alert, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/errors";
import type { Resource } from "./hooks";

/** The list's load error, and the count once it has loaded. */
export function ListStatus({ list, count, countTestId }: { list: Resource<unknown>; count: string; countTestId?: string }) {
  return (
    <>
      {list.error ? (
        <Alert color="red" role="alert">
          {errorMessage(list.error)}
        </Alert>
      ) : null}
      {list.data !== undefined && (
        <Text size="sm" role="status" data-testid={countTestId}>
          {count}
        </Text>
      )}
    </>
  );
}

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
        <Table verticalSpacing="xs" highlightOnHover={highlightOnHover}>
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
