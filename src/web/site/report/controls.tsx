// Small form controls of the report pages: plain elements styled by public.css and report.css.
import { type ComponentProps, useId } from "react";
import { type Described, describedControl, FieldFrame } from "../Field";

export function TextArea({ label, hint, error, id, ...rest }: Described & ComponentProps<"textarea">) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error}>
      <textarea {...describedControl(fieldId, { hint, error })} {...rest} />
    </FieldFrame>
  );
}

export function Select({
  label,
  hint,
  error,
  id,
  options,
  placeholder,
  ...rest
}: Described & ComponentProps<"select"> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error}>
      <select {...describedControl(fieldId, { hint, error })} {...rest}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of radio buttons in a fieldset, with the error tied to the group. */
export function Choice<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  value: V | "";
  options: { value: V; label: string; hint?: string }[];
  onChange: (value: V) => void;
  error?: string;
}) {
  const errorId = useId();
  return (
    <fieldset className={`rp-fieldset${error ? " pub-field-invalid" : ""}`} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="rp-choice">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>
            {option.label}
            {option.hint && <small className="pub-hint rp-choice-hint">{option.hint}</small>}
          </span>
        </label>
      ))}
      {error && (
        <p id={errorId} className="pub-field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
