// A case tab that lists records and adds one through a dialog: the "add" button (when the case's abilities
// allow it), the line shown while there are none, the records, and the dialog. The dialog's values are
// filled afresh each time it opens.
import { Stack } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Submission } from "../forms";
import { FormModal } from "./FormModal";
import { AddButton, Empty } from "./shared";

export interface DialogForm<T> {
  opened: boolean;
  values: T;
  /** Sets one field. */
  set: <K extends keyof T>(key: K) => (value: T[K]) => void;
  /** The value and change handler of one field, for a field component taking both. */
  bind: <K extends keyof T>(key: K) => { value: T[K]; onChange: (value: T[K]) => void };
  /** Opens the dialog with fresh values (the previous record's must not carry over). */
  open: () => void;
  close: () => void;
}

export function useDialogForm<T>(fresh: () => T): DialogForm<T> {
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState<T>(fresh);
  const set: DialogForm<T>["set"] = (key) => (value) => setValues((previous) => ({ ...previous, [key]: value }));
  return {
    opened,
    values,
    set,
    bind: (key) => ({ value: values[key], onChange: set(key) }),
    open: () => {
      setValues(fresh());
      setOpened(true);
    },
    close: () => setOpened(false),
  };
}

export function AddableTab<T>({
  canAdd,
  addLabel,
  empty,
  isEmpty,
  form,
  onSubmit,
  fields,
  children,
}: {
  canAdd: boolean;
  addLabel: string;
  /** Shown while there are no records. */
  empty: string;
  isEmpty: boolean;
  form: DialogForm<T>;
  /** Saves the dialog's values; throws to keep the dialog open with the error. */
  onSubmit: () => Promise<void>;
  fields: (submission: Submission) => ReactNode;
  /** The records. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <AddButton show={canAdd} label={addLabel} onClick={form.open} />
      <Empty shown={isEmpty}>{empty}</Empty>
      {children}
      <FormModal opened={form.opened} title={addLabel} submitLabel={t("common.save")} onClose={form.close} onSubmit={onSubmit}>
        {fields}
      </FormModal>
    </Stack>
  );
}
