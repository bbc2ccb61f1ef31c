// The service plan of a case: add a service (the team), edit its planning, report progress (the team, and
// referral recipients on the services their referral covers). What is allowed comes from `detail.abilities`.
import { Badge, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { SERVICE_STATUSES, SERVICE_TYPES } from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import type { TabProps } from "./CaseDetailPage";
import { ServiceEditButton, ServicePlanFields } from "./ServiceEdit";
import { AddableTab, useDialogForm } from "./AddableTab";
import { ChoiceField } from "./fields";
import { dash, day, options, useAgencyOptions } from "./shared";
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
  const form = useDialogForm(() => ({ type: "shelter", provider: "", due: "", notes: "" }));
  const { type, provider, due, notes } = form.values;
  const { editService, updateServiceStatus } = detail.abilities;
  return (
    <AddableTab
      list="services"
      detail={detail}
      reload={reload}
      form={form}
      body={() => ({
        type,
        ...(provider ? { providerAgencyId: provider } : {}),
        ...(due ? { dueDate: due } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      })}
      fields={(submission) => (
        <>
          <ChoiceField label={t("cases.service.typeLabel")} prefix="cases.service.type" values={SERVICE_TYPES} {...form.bind("type")} />
          <ServicePlanFields agencies={agencies} values={form.values} set={form.set} errors={submission.fields} />
        </>
      )}
    >
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
    </AddableTab>
  );
}
