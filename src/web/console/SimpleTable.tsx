// A plain table of the few records on a page (no paging, no cards on phones): the header row, then the
// rows the caller gives. With `minWidth` it scrolls sideways inside its box below that width.
import { Table, type TableProps } from "@mantine/core";
import type { ReactNode } from "react";

export function SimpleTable({
  headers,
  minWidth,
  children,
  ...table
}: TableProps & {
  /** The column headers, in order; null for a column without a header. */
  headers: readonly ReactNode[];
  minWidth?: number;
  /** The rows. */
  children: ReactNode;
}) {
  const content = (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {headers.map((header, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a header's place is its identity
            <Table.Th key={index}>{header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{content}</Table.ScrollContainer> : content;
}
