// The filter form of a console list page: fields in a grid, then Apply and Reset. The fields edit a
// draft; the list follows the applied filters, which change only on Apply or Reset.
import { Button, Group, SimpleGrid, type SimpleGridProps } from "@mantine/core";
import { type Dispatch, type FormEvent, type ReactNode, type SetStateAction, useState } from "react";
import { useTranslation } from "react-i18next";

export interface FilterState<F> {
  draft: F;
  applied: F;
  setDraft: Dispatch<SetStateAction<F>>;
  /** Sets one field of the draft. */
  set: <K extends keyof F>(key: K) => (value: F[K]) => void;
  /** Applies the draft (through `normalise`). */
  apply: () => void;
  /** Puts draft and applied filters back to empty. */
  reset: () => void;
  /** Sets draft and applied filters at once (a filter chosen from the list itself). */
  replace: (next: F) => void;
}

/**
 * The filters a link asked for: each field of `empty` read from the page address's query (a dashboard
 * number links to its list this way), "true" for a checkbox; fields the address does not name stay empty.
 */
export function filtersFromSearch<F extends object>(empty: F, search: URLSearchParams): F {
  const out: Record<string, unknown> = { ...(empty as Record<string, unknown>) };
  for (const [key, blank] of Object.entries(empty as Record<string, unknown>)) {
    const value = search.get(key);
    if (value === null) continue;
    out[key] = typeof blank === "boolean" ? value === "true" : value;
  }
  return out as F;
}

export function useFilters<F>(empty: F, normalise: (draft: F) => F = (draft) => ({ ...draft }), initial: F = empty): FilterState<F> {
  const [draft, setDraft] = useState<F>(initial);
  const [applied, setApplied] = useState<F>(initial);
  return {
    draft,
    applied,
    setDraft,
    set: (key) => (value) => setDraft((previous) => ({ ...previous, [key]: value })),
    apply: () => setApplied(normalise(draft)),
    reset: () => {
      setDraft(empty);
      setApplied(empty);
    },
    replace: (next) => {
      setDraft(next);
      setApplied(next);
    },
  };
}

export interface PagedFilterState<F> extends FilterState<F> {
  /** The first record of the page shown; Apply and Reset go back to the first page. */
  offset: number;
  setOffset: (offset: number) => void;
}

/** Filters over a list the server pages (limit/offset). */
export function usePagedFilters<F>(empty: F, normalise?: (draft: F) => F, initial: F = empty): PagedFilterState<F> {
  const filters = useFilters(empty, normalise, initial);
  const [offset, setOffset] = useState(0);
  return {
    ...filters,
    offset,
    setOffset,
    apply: () => {
      setOffset(0);
      filters.apply();
    },
    reset: () => {
      setOffset(0);
      filters.reset();
    },
  };
}

export function FilterBar({
  label,
  cols,
  filters,
  applyLabel,
  resetLabel,
  below,
  leading,
  trailing,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  cols: SimpleGridProps["cols"];
  /** Apply submits the form; Reset empties it. */
  filters: Pick<FilterState<unknown>, "apply" | "reset">;
  applyLabel?: string;
  resetLabel?: string;
  /** Between the fields and the buttons. */
  below?: ReactNode;
  /** In the button row, before Apply. */
  leading?: ReactNode;
  /** In the button row, after Reset. */
  trailing?: ReactNode;
  /** The fields. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    filters.apply();
  }
  return (
    <form onSubmit={submit} aria-label={label}>
      <SimpleGrid cols={cols}>{children}</SimpleGrid>
      {below}
      <Group mt="sm">
        {leading}
        <Button type="submit">{applyLabel ?? t("audit.apply")}</Button>
        <Button variant="default" onClick={filters.reset}>
          {resetLabel ?? t("audit.reset")}
        </Button>
        {trailing}
      </Group>
    </form>
  );
}
