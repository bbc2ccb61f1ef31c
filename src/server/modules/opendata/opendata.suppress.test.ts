// The published statistics cannot give back a hidden count. Proof by linear reasoning, independent of the
// graph search in opendata.suppress.ts:
// - the unknowns are the hidden entries (cells and totals); the equations are every row and every column of
//   the table with its margins (cells sum to their row's total, to their column's total, totals to the grand
//   total), with every published entry known EXACTLY (stronger than what is published: rounded values);
// - an unknown is recomputable iff its unit vector lies in the row space of the equations restricted to the
//   unknowns, i.e. iff appending that unit vector does not raise the rank. We check it never does;
// - the equations form a network matrix (totally unimodular), so the feasible set's projection on any
//   unknown is an interval with integer ends; the true point is feasible and every hidden entry is at least 1
//   (checked), so it is not on a non-negativity face and a move along the free direction stays feasible:
//   the interval has two integer ends, i.e. two non-negative integer completions that differ in that entry.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Protected, protect, protectLinked, ROUNDING_BASE, THRESHOLD, withMargins } from "./opendata.suppress";

type Equation = Map<string, number>;

/** Equations of one table over named entries: `${prefix}c:i:j` cells, `row:i` totals (shared by linked tables), `${prefix}col:j`, `total`. */
function equationsOf(grid: number[][], prefix: string): { eqs: { coef: Equation; known: number }[]; names: string[][] } {
  const R = grid.length - 1;
  const C = grid[0]!.length - 1;
  const name = (i: number, j: number) =>
    i === R && j === C ? "total" : j === C ? `row:${i}` : i === R ? `${prefix}col:${j}` : `${prefix}c:${i}:${j}`;
  const names = grid.map((row, i) => row.map((_, j) => name(i, j)));
  const eqs: { coef: Equation; known: number }[] = [];
  // Row i: sum of cells - row total = 0; totals row: column totals - grand total = 0.
  for (let i = 0; i <= R; i++) {
    const coef: Equation = new Map();
    for (let j = 0; j < C; j++) coef.set(names[i]![j]!, 1);
    coef.set(names[i]![C]!, -1);
    eqs.push({ coef, known: 0 });
  }
  for (let j = 0; j <= C; j++) {
    const coef: Equation = new Map();
    for (let i = 0; i < R; i++) coef.set(names[i]![j]!, 1);
    coef.set(names[R]![j]!, -1);
    eqs.push({ coef, known: 0 });
  }
  return { eqs, names };
}

/** Rank of a dense matrix by Gaussian elimination with partial pivoting (entries are small integers). */
function rank(m: number[][]): number {
  const a = m.map((r) => [...r]);
  let r = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && r < a.length; c++) {
    let p = r;
    for (let k = r + 1; k < a.length; k++) if (Math.abs(a[k]![c]!) > Math.abs(a[p]![c]!)) p = k;
    if (Math.abs(a[p]![c]!) < 1e-9) continue;
    [a[r], a[p]] = [a[p]!, a[r]!];
    for (let k = 0; k < a.length; k++) {
      if (k === r) continue;
      const f = a[k]![c]! / a[r]![c]!;
      if (f !== 0) for (let x = c; x < cols; x++) a[k]![x]! -= f * a[r]![x]!;
    }
    r++;
  }
  return r;
}

/** Names of hidden entries whose value the equations fix when every other entry is known exactly. */
function recomputable(eqs: { coef: Equation }[], unknown: string[]): string[] {
  const index = new Map(unknown.map((n, k) => [n, k]));
  const A = eqs.map((e) => {
    const row = new Array<number>(unknown.length).fill(0);
    for (const [n, v] of e.coef) if (index.has(n)) row[index.get(n)!]! += v;
    return row;
  });
  const base = rank(A);
  return unknown.filter((_, k) => {
    const unit = new Array<number>(unknown.length).fill(0);
    unit[k] = 1;
    return rank([...A, unit]) === base;
  });
}

function checkPublished(grid: number[][], p: Protected) {
  const R = grid.length - 1;
  const C = grid[0]!.length - 1;
  const published = (i: number, j: number) =>
    i === R && j === C ? p.total : j === C ? p.rowTotals[i] : i === R ? p.columnTotals[j] : p.cells[i]![j];
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      const v = grid[i]![j]!;
      const shown = published(i, j);
      if (v >= 1 && v < THRESHOLD) expect(shown, `small count ${v} at ${i},${j} is hidden`).toBeNull();
      if (shown === null) {
        expect(v, "a hidden entry is never a zero").toBeGreaterThan(0);
        expect(p.hidden[i]![j]).toBe(true);
      } else {
        expect(shown % ROUNDING_BASE).toBe(0);
        expect(Math.abs(shown - v)).toBeLessThanOrEqual(2);
        if (v === 0) expect(shown).toBe(0);
      }
    }
  }
}

const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 4, arbitrary: fc.integer({ min: 11, max: 80 }) },
);
const table = (rows: number) =>
  fc
    .integer({ min: 1, max: 6 })
    .chain((columns) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

describe("opendata suppression", () => {
  it("hides small counts and leaves nothing recomputable from the published cells and totals (random tables)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((rows) => table(rows)),
        (cells) => {
          const grid = withMargins(cells);
          const p = protect(cells);
          checkPublished(grid, p);
          const { eqs, names } = equationsOf(grid, "");
          const unknown = names.flatMap((row, i) => row.filter((_, j) => p.hidden[i]![j]));
          expect(recomputable(eqs, unknown)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("tables of the same months protect their shared month totals together", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((rows) =>
          fc.tuple(table(rows), fc.integer({ min: 1, max: 5 })).map(([a, columns]) => {
            // The second table splits each month's total of the first a different way (same month totals).
            const b = a.map((row, i) => {
              const total = row.reduce((s, v) => s + v, 0);
              const out = new Array<number>(columns).fill(0);
              let left = total;
              for (let j = 0; j < columns - 1; j++) {
                const share = Math.floor((left * ((i + j) % 3)) / 4);
                out[j] = share;
                left -= share;
              }
              out[columns - 1] = left;
              return out;
            });
            return [a, b] as const;
          }),
        ),
        ([a, b]) => {
          const [pa, pb] = protectLinked([a, b], [a[0]!.length, b[0]!.length]);
          const ga = withMargins(a);
          const gb = withMargins(b);
          checkPublished(ga, pa!);
          checkPublished(gb, pb!);
          const ea = equationsOf(ga, "a:");
          const eb = equationsOf(gb, "b:");
          // The shared names (row totals, grand total) are one unknown in both systems.
          const unknown = new Set([
            ...ea.names.flatMap((row, i) => row.filter((_, j) => pa!.hidden[i]![j])),
            ...eb.names.flatMap((row, i) => row.filter((_, j) => pb!.hidden[i]![j])),
          ]);
          // A shared entry (month total, grand total) hidden in one table is hidden in the other.
          const hiddenA = new Set(
            ea.names.flatMap((row, i) => row.filter((n, j) => pa!.hidden[i]![j] && (n.startsWith("row:") || n === "total"))),
          );
          const hiddenB = new Set(
            eb.names.flatMap((row, i) => row.filter((n, j) => pb!.hidden[i]![j] && (n.startsWith("row:") || n === "total"))),
          );
          expect([...hiddenA].sort()).toEqual([...hiddenB].sort());
          expect(recomputable([...ea.eqs, ...eb.eqs], [...unknown])).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a lone small cell takes a second cell and the totals around it into hiding (worked example)", () => {
    // One kecamatan had 3 reports in a month; with the month total published, 3 = 63 - 20 - 40. The
    // cheapest cycle through it hides 20, 15 and 30 (a rectangle: 65 in all); the totals stay published.
    const cells = [
      [3, 20, 40],
      [15, 30, 12],
    ];
    const p = protect(cells);
    expect(p.cells).toEqual([
      [null, null, 40],
      [null, null, 10],
    ]);
    expect(p.rowTotals).toEqual([65, 55]);
    expect(p.columnTotals).toEqual([20, 50, 50]);
    expect(p.total).toBe(120);
    // Primary suppression alone would give the 3 away, and the check below sees it.
    const naive = withMargins(cells).map((row) => row.map((v) => v >= 1 && v < THRESHOLD));
    const { eqs, names } = equationsOf(withMargins(cells), "");
    expect(
      recomputable(
        eqs,
        names.flatMap((row, i) => row.filter((_, j) => naive[i]![j])),
      ),
    ).toEqual(["c:0:0"]);
  });

  it("publishes zeros as zero, rounds to base 5, and hides nothing in a table of large counts", () => {
    const p = protect([
      [0, 23, 11],
      [0, 48, 102],
    ]);
    expect(p.cells).toEqual([
      [0, 25, 10],
      [0, 50, 100],
    ]);
    expect(p.rowTotals).toEqual([35, 150]);
    expect(p.columnTotals).toEqual([0, 70, 115]);
    expect(p.total).toBe(185);
  });
});
