// Shared rules for XLSX exports (exceljs).
import type ExcelJS from "exceljs";
import { neutralizeFormula } from "./csv";

/**
 * Guards every text cell of every sheet against formula injection (see neutralizeFormula): a string cell
 * is not evaluated when the file opens, but it becomes a formula as soon as someone edits the cell and
 * presses Enter, or saves the sheet as CSV. Call it once, right before writing the workbook.
 */
export function guardFormulas(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === "string") {
          const safe = neutralizeFormula(cell.value);
          if (safe !== cell.value) cell.value = safe;
        } else if (cell.value && typeof cell.value === "object" && "formula" in cell.value) {
          // Exports hold data, never formulas: whatever produced one, write its text.
          cell.value = neutralizeFormula(`=${String((cell.value as { formula: unknown }).formula)}`);
        }
      });
    });
  });
  return wb;
}
