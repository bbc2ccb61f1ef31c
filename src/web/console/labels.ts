import type { TFunction } from "i18next";
import type { Jurisdiction } from "../lib/types";

export function roleLabel(t: TFunction, role: string): string {
  return t(`roles.${role}`, { defaultValue: role });
}

export function jurisdictionLabel(t: TFunction, jurisdiction: Jurisdiction, names: Record<string, string>): string {
  if (jurisdiction.kind === "regency") return t("jurisdiction.regency");
  if (jurisdiction.codes.length === 0) return t("jurisdiction.none");
  return jurisdiction.codes.map((code) => names[code] ?? code).join(", ");
}
