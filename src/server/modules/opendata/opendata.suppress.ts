// Statistical disclosure control for the public statistics (issue 11): a pure function from a table of
// true counts to what may be published.
//
// The rules (also on the /statistik page and in docs/ARCHITECTURE.md):
// - Primary suppression: every cell and every total from 1 to 10 is hidden. A true 0 is published as 0
//   (it names nobody; hiding it would only make the hidden cells easier to place).
// - Secondary suppression: with the totals a hidden cell could be recomputed (a month with one hidden cell
//   and a published month total). We look at the table with its margins as one grid in which every row and
//   every column sums to zero (cells as they are, row and column totals negated, the grand total as it is).
//   Hidden entries are the edges of a bipartite graph (grid rows × grid columns). An entry is recomputable
//   from the published ones exactly when it is a bridge of that graph (the sum over one side of the cut
//   gives it); an entry on a cycle of hidden entries is not: adding +1, −1, +1, … around the cycle keeps
//   every row and column sum, and since every hidden entry is at least 1 both directions stay non-negative.
//   So while some hidden entry is a bridge, we hide the cheapest chain of further entries that closes a cycle
//   through it (shortest path, cost = the count, totals cost double, the grand total four times, so the
//   smallest cells go first). Such a chain always exists through non-zero entries: in a grid whose rows and
//   columns sum to zero no non-zero entry is a bridge of the non-zero entries. Zeros are never hidden.
// - Rounding: what is published is rounded to the nearest multiple of 5 (ROUNDING_BASE), totals computed
//   from the true counts and then rounded, so a published total need not equal the sum of published cells.
//   Rounding adds uncertainty on top; the protection above holds even against someone who knew the exact
//   value of every published entry.
// - Tables that share margins (two tables of the same months) are protected together (`protectLinked`): a
//   month total hidden in one is hidden in the other, or the other's copy would give it away.

/** Counts below this (and above 0) are never published. */
export const THRESHOLD = 11;
/** Published counts are rounded to the nearest multiple of this. */
export const ROUNDING_BASE = 5;

export type Protected = {
  /** Rounded counts; null = hidden. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  /** The hidden pattern over the grid with margins: (rows + 1) × (columns + 1), totals in the last row/column. */
  hidden: boolean[][];
};

/** The table with its margins: cells, each row's total in the last column, each column's total in the last row, the grand total. */
export function withMargins(cells: readonly (readonly number[])[], columns = cells[0]?.length ?? 0): number[][] {
  const rows = cells.length;
  const grid = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const v = cells[i]![j]!;
      if (!Number.isInteger(v) || v < 0) throw new RangeError("counts must be non-negative integers");
      grid[i]![j] = v;
      grid[i]![columns] += v;
      grid[rows]![j] += v;
      grid[rows]![columns] += v;
    }
  }
  return grid;
}

export function roundCount(n: number): number {
  return ROUNDING_BASE * Math.round(n / ROUNDING_BASE);
}

/** Cost of hiding an entry: its count, doubled for a total, four times for the grand total. */
function costOf(grid: number[][], i: number, j: number): number {
  const lastRow = i === grid.length - 1;
  const lastCol = j === grid[0]!.length - 1;
  return grid[i]![j]! * (lastRow && lastCol ? 4 : lastRow || lastCol ? 2 : 1);
}

/**
 * The hidden pattern over the grid with margins (see withMargins). `forced` entries are hidden too (a
 * margin hidden in a linked table); a forced zero stays published.
 */
export function suppressionPattern(grid: number[][], forced?: boolean[][]): boolean[][] {
  const R = grid.length;
  const C = grid[0]?.length ?? 0;
  const hidden = grid.map((row, i) => row.map((v, j) => v > 0 && (v < THRESHOLD || forced?.[i]?.[j] === true)));
  // Nodes: grid rows 0..R-1, grid columns R..R+C-1. An entry (i, j) is the edge i — R+j.
  const N = R + C;
  for (;;) {
    const bridge = findBridge(hidden, R, C);
    if (!bridge) return hidden;
    const [bi, bj] = bridge;
    // Cheapest path from row bi to column bj over non-zero entries other than the bridge; hidden ones cost nothing.
    const dist = new Array<number>(N).fill(Number.POSITIVE_INFINITY);
    const prev = new Array<number>(N).fill(-1);
    const done = new Array<boolean>(N).fill(false);
    dist[bi] = 0;
    for (;;) {
      let u = -1;
      for (let k = 0; k < N; k++) if (!done[k] && dist[k]! < Number.POSITIVE_INFINITY && (u < 0 || dist[k]! < dist[u]!)) u = k;
      if (u < 0 || u === R + bj) break;
      done[u] = true;
      const neighbours = u < R ? Array.from({ length: C }, (_, j) => R + j) : Array.from({ length: R }, (_, i) => i);
      for (const v of neighbours) {
        const [i, j] = u < R ? [u, v - R] : [v, u - R];
        if (grid[i]![j] === 0 || (i === bi && j === bj)) continue;
        const d = dist[u]! + (hidden[i]![j] ? 0 : costOf(grid, i, j));
        if (d < dist[v]!) {
          dist[v] = d;
          prev[v] = u;
        }
      }
    }
    if (prev[R + bj] === -1) throw new Error("no cycle through a non-zero entry: the grid's rows and columns do not sum up");
    for (let v = R + bj; v !== bi; v = prev[v]!) {
      const u = prev[v]!;
      const [i, j] = u < R ? [u, v - R] : [v, u - R];
      hidden[i]![j] = true;
    }
  }
}

/** A hidden entry that lies on no cycle of hidden entries, or null. */
function findBridge(hidden: boolean[][], R: number, C: number): [number, number] | null {
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      if (!hidden[i]![j]) continue;
      // Is column j reachable from row i without the entry (i, j)?
      const seenRow = new Array<boolean>(R).fill(false);
      const seenCol = new Array<boolean>(C).fill(false);
      const queue: [boolean, number][] = [[true, i]];
      seenRow[i] = true;
      let reached = false;
      while (queue.length && !reached) {
        const [isRow, k] = queue.pop()!;
        if (isRow) {
          for (let c = 0; c < C; c++) {
            if (!hidden[k]![c] || seenCol[c] || (k === i && c === j)) continue;
            if (c === j) reached = true;
            seenCol[c] = true;
            queue.push([false, c]);
          }
        } else {
          for (let r = 0; r < R; r++) {
            if (!hidden[r]![k] || seenRow[r] || (r === i && k === j)) continue;
            seenRow[r] = true;
            queue.push([true, r]);
          }
        }
      }
      if (!reached) return [i, j];
    }
  }
  return null;
}

function publish(grid: number[][], hidden: boolean[][]): Protected {
  const R = grid.length - 1;
  const C = grid[0]!.length - 1;
  const at = (i: number, j: number) => (hidden[i]![j] ? null : roundCount(grid[i]![j]!));
  return {
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => at(i, j))),
    rowTotals: Array.from({ length: R }, (_, i) => at(i, C)),
    columnTotals: Array.from({ length: C }, (_, j) => at(R, j)),
    total: at(R, C),
    hidden,
  };
}

/** What may be published of one table of true counts (rows × columns). */
export function protect(cells: readonly (readonly number[])[], columns = cells[0]?.length ?? 0): Protected {
  const grid = withMargins(cells, columns);
  return publish(grid, suppressionPattern(grid));
}

/**
 * Tables with the same rows (the same months), published side by side: their row totals and grand totals are
 * the same numbers, so an entry hidden in one table is hidden in all of them. Repeated until nothing changes
 * (hiding only grows, so this ends).
 */
export function protectLinked(tables: readonly (readonly (readonly number[])[])[], columns: readonly number[]): Protected[] {
  const grids = tables.map((cells, t) => withMargins(cells, columns[t]));
  const rows = grids[0]?.length ?? 0;
  const sharedHidden = new Array<boolean>(rows).fill(false);
  let patterns: boolean[][][] = [];
  for (;;) {
    patterns = grids.map((grid) => {
      const C = grid[0]!.length - 1;
      const forced = grid.map((row, i) => row.map((_, j) => j === C && sharedHidden[i]!));
      return suppressionPattern(grid, forced);
    });
    let changed = false;
    for (const pattern of patterns) {
      const C = pattern[0]!.length - 1;
      for (let i = 0; i < rows; i++) {
        if (pattern[i]![C] && !sharedHidden[i]) {
          sharedHidden[i] = true;
          changed = true;
        }
      }
    }
    if (!changed) return grids.map((grid, t) => publish(grid, patterns[t]!));
  }
}
