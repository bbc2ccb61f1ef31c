// Trafficking events of a case (recruitment, transit, exploitation…) with HTCDS picklists.
import { MultiSelect, SimpleGrid, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EVENT_STAGES, EXPLOITATION_TYPES, METHODS_OF_CONTROL, RECRUITMENT_METHODS } from "../../lib/cases";
import { SimpleTable } from "../SimpleTable";
import { AddableTab, useDialogForm } from "./AddableTab";
import type { TabProps } from "./CaseDetailPage";
import { DateField, NoteField, TextField } from "../fields";
import { ChoiceField } from "./fields";
import { day, options } from "./shared";

/** The HTCDS picklists of an event: the label's key, the record's field, the values' label prefix. */
const PICKLISTS = [
  { label: "recruitment", field: "recruitmentMethods", prefix: "cases.htcds.recruitment", values: RECRUITMENT_METHODS },
  { label: "control", field: "controlMethods", prefix: "cases.htcds.control", values: METHODS_OF_CONTROL },
  { label: "exploitation", field: "exploitationTypes", prefix: "cases.htcds.exploitation", values: EXPLOITATION_TYPES },
] as const;

const fresh = () => ({
  stage: "Recruitment",
  country: "",
  city: "",
  place: "",
  dateFrom: "",
  dateTo: "",
  recruitmentMethods: [] as string[],
  controlMethods: [] as string[],
  exploitationTypes: [] as string[],
  description: "",
});

export function EventsTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const form = useDialogForm(fresh);
  const { stage, country, city, place, dateFrom, dateTo, description } = form.values;
  const labels = (prefix: string, values: readonly string[]) => values.map((v) => t(`${prefix}.${v}`)).join(", ");
  return (
    <AddableTab
      list="events"
      detail={detail}
      reload={reload}
      form={form}
      body={() => {
        const picked = Object.fromEntries(
          PICKLISTS.filter(({ field }) => form.values[field].length > 0).map(({ field }) => [field, form.values[field]]),
        );
        return {
          stage,
          ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
          ...(city.trim() ? { city: city.trim() } : {}),
          ...(place.trim() ? { place: place.trim() } : {}),
          ...(dateFrom ? { dateFrom } : {}),
          ...(dateTo ? { dateTo } : {}),
          ...picked,
          ...(description.trim() ? { description: description.trim() } : {}),
        };
      }}
      fields={(submission) => (
        <>
          <ChoiceField label={t("cases.event.stage")} prefix="cases.event.stages" values={EVENT_STAGES} {...form.bind("stage")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextField
              label={t("cases.event.country")}
              description={t("cases.event.countryHint")}
              maxLength={2}
              {...form.bind("country")}
              error={submission.fields.country}
            />
            <TextField label={t("cases.event.city")} {...form.bind("city")} />
            <TextField label={t("cases.event.place")} {...form.bind("place")} />
            <DateField label={t("cases.event.dateFrom")} {...form.bind("dateFrom")} />
            <DateField label={t("cases.event.dateTo")} {...form.bind("dateTo")} error={submission.fields.dateTo} />
          </SimpleGrid>
          {PICKLISTS.map(({ label, field, prefix, values }) => (
            <MultiSelect key={field} label={t(`cases.event.${label}`)} data={options(t, prefix, values)} {...form.bind(field)} searchable />
          ))}
          <NoteField label={t("cases.event.description")} {...form.bind("description")} />
        </>
      )}
    >
      {detail.events.length > 0 && (
        <SimpleTable
          minWidth={760}
          headers={[t("cases.event.stage"), t("cases.event.where"), t("cases.event.when"), t("cases.event.details")]}
        >
          {detail.events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{t(`cases.event.stages.${e.stage}`)}</Table.Td>
              <Table.Td>{[e.place, e.city, e.country].filter(Boolean).join(", ") || "–"}</Table.Td>
              <Table.Td>
                {day(e.dateFrom)}
                {e.dateTo ? ` – ${day(e.dateTo)}` : ""}
              </Table.Td>
              <Table.Td>
                {PICKLISTS.map(({ label, field, prefix }) =>
                  e[field].length > 0 ? (
                    <Text key={field} size="sm">
                      {t(`cases.event.${label}`)}: {labels(prefix, e[field])}
                    </Text>
                  ) : null,
                )}
                {e.description && <Text size="sm">{e.description}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
    </AddableTab>
  );
}
