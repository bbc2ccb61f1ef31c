// The form controls of the public pages (plain elements styled by public.css): a control under its label
// and hint with its error after it, all tied to it for screen readers; the submit button.
import { type ComponentProps, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

export interface Described {
  label: string;
  hint?: string;
  error?: string | null;
}

/** The attributes that tie a control to its hint, any further descriptions (`more`: their ids) and its error. */
export function describedControl(id: string, { hint, error }: Omit<Described, "label">, ...more: string[]) {
  const describedBy = [hint ? `${id}-hint` : "", ...more, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

/** The frame around a control with the id `id` (see `describedControl`): label, hint, the control (children), error. */
export function FieldFrame({ id, label, hint, error, children }: Described & { id: string; children: ReactNode }) {
  return (
    <div className={`pub-field${error ? " pub-field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="pub-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="pub-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input with its hint and error. */
export function Field({ label, error, hint, id, ...input }: ComponentProps<"input"> & Described) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error}>
      <input {...describedControl(inputId, { hint, error })} {...input} />
    </FieldFrame>
  );
}

/** The submit button of a public form: disabled, saying "please wait", while the request runs. */
export function SubmitButton({ busy, block, children }: { busy: boolean /** Full width. */; block?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={block ? "pub-button pub-button-block" : "pub-button"} disabled={busy}>
      {busy ? t("common.pleaseWait") : children}
    </button>
  );
}
