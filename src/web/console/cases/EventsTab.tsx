// Trafficking events of a case (recruitment, transit, exploitation…) with HTCDS picklists.
import { MultiSelect, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { EVENT_STAGES, EXPLOITATION_TYPES, METHODS_OF_CONTROL, RECRUITMENT_METHODS } from "../../lib/cases";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { AddButton, day, Empty, options } from "./shared";
import { SimpleTable } from "../SimpleTable";

export function EventsTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<string>("Recruitment");
  const [country, setCountry] = useState("");
  const [city, setCity] = useState("");
  const [place, setPlace] = useState("");
  const [dateFrom, setDateFrom] = useState("");
  const [dateTo, setDateTo] = useState("");
  const [recruitment, setRecruitment] = useState<string[]>([]);
  const [control, setControl] = useState<string[]>([]);
  const [exploitation, setExploitation] = useState<string[]>([]);
  const [description, setDescription] = useState("");
  const start = () => {
    setStage("Recruitment");
    setCountry("");
    setCity("");
    setPlace("");
    setDateFrom("");
    setDateTo("");
    setRecruitment([]);
    setControl([]);
    setExploitation([]);
    setDescription("");
    setOpen(true);
  };
  const labels = (prefix: string, values: string[]) => values.map((v) => t(`${prefix}.${v}`)).join(", ");
  return (
    <Stack>
      <AddButton show={detail.abilities.addEvent} label={t("cases.event.add")} onClick={start} />
      <Empty shown={detail.events.length === 0}>{t("cases.event.empty")}</Empty>
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
                {e.recruitmentMethods.length > 0 && (
                  <Text size="sm">
                    {t("cases.event.recruitment")}: {labels("cases.htcds.recruitment", e.recruitmentMethods)}
                  </Text>
                )}
                {e.controlMethods.length > 0 && (
                  <Text size="sm">
                    {t("cases.event.control")}: {labels("cases.htcds.control", e.controlMethods)}
                  </Text>
                )}
                {e.exploitationTypes.length > 0 && (
                  <Text size="sm">
                    {t("cases.event.exploitation")}: {labels("cases.htcds.exploitation", e.exploitationTypes)}
                  </Text>
                )}
                {e.description && <Text size="sm">{e.description}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
      <FormModal
        opened={open}
        title={t("cases.event.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/events`, {
            stage,
            ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
            ...(city.trim() ? { city: city.trim() } : {}),
            ...(place.trim() ? { place: place.trim() } : {}),
            ...(dateFrom ? { dateFrom } : {}),
            ...(dateTo ? { dateTo } : {}),
            ...(recruitment.length ? { recruitmentMethods: recruitment } : {}),
            ...(control.length ? { controlMethods: control } : {}),
            ...(exploitation.length ? { exploitationTypes: exploitation } : {}),
            ...(description.trim() ? { description: description.trim() } : {}),
          });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Select
              label={t("cases.event.stage")}
              data={options(t, "cases.event.stages", EVENT_STAGES)}
              value={stage}
              allowDeselect={false}
              onChange={(v) => setStage(v ?? "Recruitment")}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("cases.event.country")}
                description={t("cases.event.countryHint")}
                maxLength={2}
                value={country}
                onChange={(e) => setCountry(e.currentTarget.value)}
                error={submission.fields.country}
              />
              <TextInput label={t("cases.event.city")} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
              <TextInput label={t("cases.event.place")} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
              <TextInput
                type="date"
                label={t("cases.event.dateFrom")}
                value={dateFrom}
                onChange={(e) => setDateFrom(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t("cases.event.dateTo")}
                value={dateTo}
                onChange={(e) => setDateTo(e.currentTarget.value)}
                error={submission.fields.dateTo}
              />
            </SimpleGrid>
            <MultiSelect
              label={t("cases.event.recruitment")}
              data={options(t, "cases.htcds.recruitment", RECRUITMENT_METHODS)}
              value={recruitment}
              onChange={setRecruitment}
              searchable
            />
            <MultiSelect
              label={t("cases.event.control")}
              data={options(t, "cases.htcds.control", METHODS_OF_CONTROL)}
              value={control}
              onChange={setControl}
              searchable
            />
            <MultiSelect
              label={t("cases.event.exploitation")}
              data={options(t, "cases.htcds.exploitation", EXPLOITATION_TYPES)}
              value={exploitation}
              onChange={setExploitation}
              searchable
            />
            <Textarea
              label={t("cases.event.description")}
              autosize
              minRows={2}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
          </>
        )}
      </FormModal>
    </Stack>
  );
}
