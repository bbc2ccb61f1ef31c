import { useState } from "react";
import { errorMessage, fieldErrors } from "../lib/errors";

/** Per-field messages for the fields a form shows; anything else goes to the form-level alert. */
export function splitFieldErrors(
  fields: Record<string, string>,
  shown: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    // "jurisdiction.codes.0" belongs beside the "jurisdiction" field.
    const field = shown.find((name) => path === name || path.startsWith(`${name}.`) || path.startsWith(`${name}[`));
    if (field && !byField[field]) byField[field] = message;
    else if (!field) rest.push(message);
  }
  return { byField, rest };
}

export interface Submission {
  busy: boolean;
  error: string | null;
  fields: Record<string, string>;
  run: (action: () => Promise<void>) => Promise<boolean>;
  reset: () => void;
}

/** Tracks one form submission: busy flag, the form-level error and field-level errors. */
export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function run(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await action();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      setFields(fieldErrors(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setError(null);
    setFields({});
  }

  return { busy, error, fields, run, reset };
}

export interface Values<T> {
  values: T;
  /** Sets one field. */
  set: <K extends keyof T>(key: K) => (value: T[K]) => void;
  /** A bound field's value and setter (`fields.tsx`, or any Mantine input whose onChange gives the value). */
  bind: <K extends keyof T>(key: K) => { value: T[K]; onChange: (value: T[K]) => void };
  /** Back to the first values. */
  reset: () => void;
}

/** The values of a form, one field at a time. */
export function useValues<T extends object>(initial: T): Values<T> {
  const [values, setValues] = useState<T>(initial);
  const set: Values<T>["set"] = (key) => (value) => setValues((previous) => ({ ...previous, [key]: value }));
  return { values, set, bind: (key) => ({ value: values[key], onChange: set(key) }), reset: () => setValues(initial) };
}
