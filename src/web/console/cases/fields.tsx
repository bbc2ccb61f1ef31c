// Form fields the case dialogs share: a picklist with a fixed set of values, and an agency.
import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { options } from "./shared";

/** One of a fixed set of values, labelled from `prefix.value`; it cannot be emptied. */
export function ChoiceField({
  label,
  prefix,
  values,
  value,
  onChange,
  error,
}: {
  label: string;
  prefix: string;
  values: readonly string[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={options(t, prefix, values)}
      value={value}
      allowDeselect={false}
      onChange={(next) => onChange(next ?? value)}
      error={error}
    />
  );
}

/** An agency of the directory (`useAgencyOptions`), searchable; "" when none is chosen. */
export function AgencyField({
  label,
  agencies,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  agencies: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Required agencies cannot be cleared; optional ones can. */
  required?: boolean;
}) {
  return (
    <Select
      label={label}
      data={agencies}
      value={value || null}
      searchable
      required={required}
      clearable={!required}
      onChange={(next) => onChange(next ?? "")}
      error={error}
    />
  );
}
