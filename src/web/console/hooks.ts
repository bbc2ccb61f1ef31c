import { useCallback, useEffect, useState } from "react";
import { api } from "../lib/api";
import type { Region } from "../lib/types";

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GETs a path and keeps the result; a null path fetches nothing. */
export function useResource<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` forces a refetch of the same path
  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setLoading(true);
    api
      .get<T>(path)
      .then((result) => {
        if (cancelled) return;
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [path, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data, error, loading, reload };
}

const regionCache = new Map<string, Promise<Region | null>>();

export function fetchRegion(code: string): Promise<Region | null> {
  let pending = regionCache.get(code);
  if (!pending) {
    pending = api.get<Region>(`/api/regions/${encodeURIComponent(code)}`).catch(() => {
      regionCache.delete(code);
      return null;
    });
    regionCache.set(code, pending);
  }
  return pending;
}

/** Names of regions by code, fetched once per code and cached for the session. */
export function useRegionNames(codes: readonly string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = codes.join(",");

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    void Promise.all(key.split(",").map((code) => fetchRegion(code))).then((regions) => {
      if (cancelled) return;
      const found: Record<string, string> = {};
      for (const region of regions) if (region) found[region.code] = region.name;
      setNames((previous) => ({ ...previous, ...found }));
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  return names;
}
