// A case tab that lists records and adds one through a dialog: the "add" button (when the case's abilities
// allow it), the line shown while there are none, the records, and the dialog. The dialog's values are
// filled afresh each time it opens; saving posts them to the list's own path and reloads the case.
import { Stack } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import type { Submission } from "../forms";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { AddButton, Empty } from "./shared";

/** Each addable list of a case: the ability that allows adding (decided by the server) and its texts' prefix. */
const LISTS = {
  legal: { ability: "recordLegal", texts: "cases.legal" },
  consents: { ability: "recordConsent", texts: "cases.consent" },
  assessments: { ability: "addAssessment", texts: "cases.assessment" },
  events: { ability: "addEvent", texts: "cases.event" },
  services: { ability: "addService", texts: "cases.service" },
} as const;

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
  list,
  detail,
  reload,
  form,
  body,
  fields,
  children,
}: TabProps & {
  /** The case's list: records at `detail[list]`, posted to `/api/cases/:id/<list>`. */
  list: keyof typeof LISTS;
  form: DialogForm<T>;
  /** The request body built from the dialog's values. */
  body: () => object;
  fields: (submission: Submission) => ReactNode;
  /** The records. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { ability, texts } = LISTS[list];
  const addLabel = t(`${texts}.add`);
  return (
    <Stack>
      <AddButton show={detail.abilities[ability]} label={addLabel} onClick={form.open} />
      <Empty shown={detail[list].length === 0}>{t(`${texts}.empty`)}</Empty>
      {children}
      <FormModal
        opened={form.opened}
        title={addLabel}
        onClose={form.close}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/${list}`, body());
          reload();
        }}
      >
        {fields}
      </FormModal>
    </Stack>
  );
}
