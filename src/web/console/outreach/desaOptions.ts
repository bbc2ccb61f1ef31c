// The desa a user may record sessions in, from their jurisdiction: listed desa directly, listed
// kecamatan expanded to their desa, the whole regency as kecamatan → desa. Kept on the device so
// the session form also opens without a connection.
import { useEffect, useState } from "react";
import { api } from "../../lib/api";
import type { Jurisdiction, Me, Region } from "../../lib/types";
import { touchesJurisdiction } from "../jurisdiction";
import { getInstallationRegency } from "../regions";

export interface DesaOption {
  value: string;
  label: string;
  kecamatanCode: string;
  kecamatanName: string;
}

const CACHE_PREFIX = "simpul.regionChildren.";

function cached(code: string): Region[] | null {
  try {
    const raw = window.localStorage.getItem(CACHE_PREFIX + code);
    return raw ? (JSON.parse(raw) as Region[]) : null;
  } catch {
    return null;
  }
}

/** Children of a region, from the network when possible, else from the device. */
export async function regionChildren(code: string): Promise<Region[]> {
  try {
    const { items } = await api.get<{ items: Region[] }>(`/api/regions/${encodeURIComponent(code)}/children`);
    try {
      window.localStorage.setItem(CACHE_PREFIX + code, JSON.stringify(items.map(({ code, name, level }) => ({ code, name, level }))));
    } catch {
      // No storage: only this visit has them.
    }
    return items;
  } catch (error) {
    const stored = cached(code);
    if (stored) return stored;
    throw error;
  }
}

async function regionOf(code: string): Promise<Region | null> {
  const key = `${CACHE_PREFIX}self.${code}`;
  try {
    const region = await api.get<Region>(`/api/regions/${encodeURIComponent(code)}`);
    try {
      window.localStorage.setItem(key, JSON.stringify({ code: region.code, name: region.name, level: region.level }));
    } catch {
      // No storage.
    }
    return region;
  } catch {
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as Region) : null;
    } catch {
      return null;
    }
  }
}

const parentOf = (code: string) => code.split(".").slice(0, 3).join(".");
const isDesa = (code: string) => code.split(".").length === 4;

/** Flat desa list for users with listed areas; null for a regency-wide user (pick kecamatan first). */
export async function jurisdictionDesa(me: Me): Promise<DesaOption[] | null> {
  if (me.jurisdiction.kind === "regency") return null;
  const options: DesaOption[] = [];
  for (const code of me.jurisdiction.codes) {
    if (isDesa(code)) {
      const [desa, kecamatan] = await Promise.all([regionOf(code), regionOf(parentOf(code))]);
      options.push({
        value: code,
        label: desa?.name ?? code,
        kecamatanCode: parentOf(code),
        kecamatanName: kecamatan?.name ?? parentOf(code),
      });
    } else if (code.split(".").length === 3) {
      const [kecamatan, children] = await Promise.all([regionOf(code), regionChildren(code)]);
      for (const desa of children)
        options.push({ value: desa.code, label: desa.name, kecamatanCode: code, kecamatanName: kecamatan?.name ?? code });
    } else {
      // A regency listed as an area: the same as regency-wide.
      return null;
    }
  }
  return options;
}

/** The regency's kecamatan; given a jurisdiction, only those the user works in. */
export function useKecamatanList(enabled = true, jurisdiction?: Jurisdiction): Region[] {
  const [items, setItems] = useState<Region[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    void getInstallationRegency()
      .then((regency) => regionChildren(regency))
      .then((found) => {
        if (!cancelled) setItems(found);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return jurisdiction ? items.filter((region) => touchesJurisdiction(region.code, jurisdiction)) : items;
}

/** The desa the user may pick: a flat list, or null while regency-wide (then by kecamatan). */
export function useJurisdictionDesa(me: Me): { options: DesaOption[] | null; loading: boolean } {
  const [state, setState] = useState<{ options: DesaOption[] | null; loading: boolean }>({ options: null, loading: true });
  const key = me.jurisdiction.kind === "regency" ? "regency" : me.jurisdiction.codes.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the jurisdiction's codes are the dependency
  useEffect(() => {
    let cancelled = false;
    void jurisdictionDesa(me)
      .then((options) => {
        if (!cancelled) setState({ options, loading: false });
      })
      .catch(() => {
        if (!cancelled) setState({ options: [], loading: false });
      });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return state;
}

/** Desa of one kecamatan (regency-wide users). */
export function useDesaOf(kecamatan: string | null): Region[] {
  const [items, setItems] = useState<Region[]>([]);
  useEffect(() => {
    if (!kecamatan) {
      setItems([]);
      return;
    }
    let cancelled = false;
    void regionChildren(kecamatan)
      .then((found) => {
        if (!cancelled) setItems(found);
      })
      .catch(() => {
        if (!cancelled) setItems([]);
      });
    return () => {
      cancelled = true;
    };
  }, [kecamatan]);
  return items;
}
