import { z } from "zod";

export const TABLE_IDS = ["reports-kecamatan", "reports-category", "outreach-sessions", "outreach-participants", "cases"] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** A published count: rounded to a multiple of 5, or null when hidden (below 11, or hidden to protect one that is). */
const Count = z.number().int().min(0).nullable();

export const TableViewSchema = z.object({
  id: z.enum(TABLE_IDS),
  /** Months (YYYY-MM, WIB), oldest first. */
  rows: z.array(z.string()),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  cells: z.array(z.array(Count)),
  rowTotals: z.array(Count),
  columnTotals: z.array(Count),
  total: Count,
});
export type TableView = z.infer<typeof TableViewSchema>;

export const StatisticsSchema = z.object({
  generatedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  threshold: z.number().int(),
  roundingBase: z.number().int(),
  tables: z.array(TableViewSchema),
});
export type StatisticsView = z.infer<typeof StatisticsSchema>;

/** CSV file names: `<table id>.csv`. */
export const CSV_FILES = TABLE_IDS.map((id) => `${id}.csv` as const);
export const CsvFileParam = z.object({ file: z.enum(CSV_FILES as [`${TableId}.csv`, ...`${TableId}.csv`[]]) });
