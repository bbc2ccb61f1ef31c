import { type ComponentProps, useId } from "react";

type FieldProps = ComponentProps<"input"> & {
  label: string;
  error?: string;
  hint?: string;
};

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ label, error, hint, id, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`pub-field${error ? " pub-field-invalid" : ""}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="pub-hint">
          {hint}
        </p>
      )}
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && (
        <p id={errorId} className="pub-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
