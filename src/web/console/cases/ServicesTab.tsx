// The service plan of a case: add a service (the team), edit its planning, report progress (the team, and
// referral recipients on the services their referral covers). What is allowed comes from `detail.abilities`.
import { Badge, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { SERVICE_STATUSES, SERVICE_TYPES } from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { ServiceEditButton } from "./ServiceEdit";
import { AddButton, dash, day, Empty, options, useAgencyOptions } from "./shared";
import { SimpleTable } from "../SimpleTable";

function ServiceStatus({
  caseId,
  serviceId,
  value,
  editable,
  onDone,
}: {
  caseId: string;
  serviceId: string;
  value: string;
  editable: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  if (!editable) return <Badge variant="light">{t(`cases.service.status.${value}`)}</Badge>;
  return (
    <Stack gap={2}>
      <Select
        aria-label={t("cases.service.statusLabel")}
        size="xs"
        data={options(t, "cases.service.status", SERVICE_STATUSES)}
        value={value}
        allowDeselect={false}
        onChange={(next) => {
          if (!next || next === value) return;
          setError(null);
          api
            .patch(`/api/cases/${caseId}/services/${serviceId}`, { status: next })
            .then(onDone)
            .catch((caught: unknown) => setError(errorMessage(caught)));
        }}
      />
      {error && (
        <Text c="red" size="xs" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

export function ServicesTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<string>("shelter");
  const [provider, setProvider] = useState("");
  const [due, setDue] = useState("");
  const [notes, setNotes] = useState("");
  const { addService, editService, updateServiceStatus } = detail.abilities;
  // A fresh form every time: the previous service's values must not carry over.
  const start = () => {
    setType("shelter");
    setProvider("");
    setDue("");
    setNotes("");
    setOpen(true);
  };
  return (
    <Stack>
      <AddButton show={addService} label={t("cases.service.add")} onClick={start} />
      <Empty shown={detail.services.length === 0}>{t("cases.service.empty")}</Empty>
      {detail.services.length > 0 && (
        <SimpleTable
          minWidth={700}
          headers={[
            t("cases.service.typeLabel"),
            t("cases.service.provider"),
            t("cases.service.statusLabel"),
            t("cases.service.due"),
            t("cases.service.notes"),
            ...(editService ? [null] : []),
          ]}
        >
          {detail.services.map((s) => (
            <Table.Tr key={s.id} bg={s.overdue ? "red.0" : undefined}>
              <Table.Td>{t(`cases.service.type.${s.type}`)}</Table.Td>
              <Table.Td>{s.providerAgency?.name ?? "–"}</Table.Td>
              <Table.Td>
                <ServiceStatus caseId={detail.id} serviceId={s.id} value={s.status} editable={updateServiceStatus} onDone={reload} />
              </Table.Td>
              <Table.Td>
                {day(s.dueDate)}
                {s.overdue && (
                  <Badge color="red" variant="filled" ml={4}>
                    {t("cases.overdue")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{dash(s.notes)}</Table.Td>
              {editService && (
                <Table.Td>
                  <ServiceEditButton caseId={detail.id} service={s} onDone={reload} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
      <FormModal
        opened={open}
        title={t("cases.service.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/services`, {
            type,
            ...(provider ? { providerAgencyId: provider } : {}),
            ...(due ? { dueDate: due } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Select
              label={t("cases.service.typeLabel")}
              data={options(t, "cases.service.type", SERVICE_TYPES)}
              value={type}
              allowDeselect={false}
              onChange={(v) => setType(v ?? "shelter")}
            />
            <Select
              label={t("cases.service.provider")}
              data={agencies}
              value={provider || null}
              searchable
              clearable
              onChange={(v) => setProvider(v ?? "")}
              error={submission.fields.providerAgencyId}
            />
            <TextInput
              type="date"
              label={t("cases.service.due")}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={submission.fields.dueDate}
            />
            <Textarea
              label={t("cases.service.notes")}
              autosize
              minRows={2}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
          </>
        )}
      </FormModal>
    </Stack>
  );
}
