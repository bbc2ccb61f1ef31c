// Kemendagri dotted region codes: 36 (province), 36.04 (regency), 36.04.12 (kecamatan), 36.04.12.2001 (desa).
export type RegionLevel = "province" | "regency" | "kecamatan" | "desa";

const PATTERNS: [RegionLevel, RegExp][] = [
  ["province", /^\d{2}$/],
  ["regency", /^\d{2}\.\d{2}$/],
  ["kecamatan", /^\d{2}\.\d{2}\.\d{2}$/],
  ["desa", /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/],
];

export function regionLevelOf(code: string): RegionLevel | undefined {
  return PATTERNS.find(([, re]) => re.test(code))?.[0];
}

export function isRegionCode(code: string): boolean {
  return regionLevelOf(code) !== undefined;
}

export function parentCodeOf(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i < 0 ? null : code.slice(0, i);
}

/** True when `code` is `area` itself or lies inside it (36.04.12.2001 is within 36.04.12). */
export function isWithin(code: string, area: string): boolean {
  return code === area || code.startsWith(`${area}.`);
}
