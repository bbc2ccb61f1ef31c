// A date that may be known only to the month (a decree "September 2023" is stored as "2023-09"):
// year, month and an optional day, so editing never blanks or invents a day.
import { Group, Input, NativeSelect, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { monthNames } from "../../lib/format";
import type { PartialDateParts } from "../../lib/partial-date";

const pad = (n: number) => String(n).padStart(2, "0");

export function PartialDateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: PartialDateParts;
  onChange: (next: PartialDateParts) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const months = monthNames();
  return (
    <Input.Wrapper label={label} error={error} description={t("partialDate.hint")} labelElement="div">
      <Group gap="xs" wrap="nowrap" role="group" aria-label={label} mt={4}>
        <TextInput
          aria-label={t("partialDate.year")}
          placeholder={t("partialDate.year")}
          inputMode="numeric"
          maxLength={4}
          w={90}
          value={value.year}
          onChange={(e) => onChange({ ...value, year: e.currentTarget.value.replace(/\D/g, "") })}
        />
        <NativeSelect
          aria-label={t("partialDate.month")}
          style={{ flex: 1 }}
          value={value.month}
          onChange={(e) => onChange({ ...value, month: e.currentTarget.value, day: e.currentTarget.value ? value.day : "" })}
          data={[{ value: "", label: t("partialDate.month") }, ...months.map((name, index) => ({ value: pad(index + 1), label: name }))]}
        />
        <NativeSelect
          aria-label={t("partialDate.day")}
          w={90}
          disabled={!value.month}
          value={value.day}
          onChange={(e) => onChange({ ...value, day: e.currentTarget.value })}
          data={[
            { value: "", label: "–" },
            ...Array.from({ length: 31 }, (_, index) => ({ value: pad(index + 1), label: String(index + 1) })),
          ]}
        />
      </Group>
    </Input.Wrapper>
  );
}
