// The report form's state: restored from the device's draft, topped up with what Cek Lowongan handed
// over, and saved back to the device as it changes (draft.ts says what is kept and what is not).
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { loadDraft, saveDraft } from "./draft";
import { emptyForm, emptyPerson, type PersonRow, type ReportForm } from "./payload";
import { forgetOfferDraft, peekOfferDraft } from "./submission";

/** The form to start with: the kept draft, with a hand-over from the checker filling the offer and the first person's numbers. */
export function initialForm(): { form: ReportForm; prefilled: boolean; restored: boolean } {
  const draft = loadDraft();
  const form = draft ?? emptyForm();
  const handOver = peekOfferDraft();
  if (!handOver) return { form, prefilled: false, restored: draft !== null };
  const [first, ...others] = form.people;
  const person = first ?? emptyPerson(0);
  const phones = person.phones.trim() ? person.phones : handOver.phones.join(", ");
  return {
    form: {
      ...form,
      offerText: handOver.offerText,
      category: form.category || "suspicious_offer",
      people: [{ ...person, phones }, ...others],
    },
    prefilled: true,
    restored: draft !== null,
  };
}

export function useReportForm() {
  const [start] = useState(initialForm);
  // Forgotten only once this form is mounted: an initialiser may run again for a discarded render.
  useEffect(() => {
    if (start.prefilled) forgetOfferDraft();
  }, [start.prefilled]);
  const [form, setForm] = useState<ReportForm>(start.form);
  const nextPerson = useRef(Math.max(0, ...start.form.people.map((row) => row.key)) + 1);

  useEffect(() => {
    // Saved a moment after typing stops: one write per pause, not per key on a slow phone.
    const timer = setTimeout(() => saveDraft(form), 400);
    return () => clearTimeout(timer);
  }, [form]);

  function set<K extends keyof ReportForm>(key: K, value: ReportForm[K]) {
    setForm((previous) => ({ ...previous, [key]: value }));
  }

  function setPerson(key: number, change: Partial<PersonRow>) {
    setForm((previous) => ({ ...previous, people: previous.people.map((row) => (row.key === key ? { ...row, ...change } : row)) }));
  }

  function addPerson() {
    setForm((previous) => ({ ...previous, people: [...previous.people, emptyPerson(nextPerson.current++)] }));
  }

  function removePerson(key: number) {
    setForm((previous) => ({ ...previous, people: previous.people.filter((row) => row.key !== key) }));
  }

  function reset() {
    setForm(emptyForm());
  }

  return { form, setForm, set, setPerson, addPerson, removePerson, reset, prefilled: start.prefilled, restored: start.restored };
}

export type ReportFormState = ReturnType<typeof useReportForm>;

/** The fields of the form that hold free text. */
type TextKey = { [K in keyof ReportForm]: string extends ReportForm[K] ? K : never }[keyof ReportForm];

/**
 * Binds text inputs and areas to the form: `text(key)` gives one its value, its error (the message under
 * `errorKey`, by default the field's own name) and the handler that writes what is typed back to the field.
 */
export function textBinder({ form, set }: ReportFormState, errors: Record<string, string>) {
  return (key: TextKey, errorKey: string = key) => ({
    value: form[key],
    error: errors[errorKey],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, event.currentTarget.value),
  });
}
