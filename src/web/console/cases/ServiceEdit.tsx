// Editing one service of the plan (the case team): provider, status, due date and notes. Only changed
// fields are sent; an emptied provider, due date or note is sent as null and cleared.
import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { type CaseDetail, SERVICE_STATUSES } from "../../lib/cases";
import { type DialogForm, useDialogForm } from "./AddableTab";
import { DateField, NoteField } from "../fields";
import { AgencyField, ChoiceField } from "./fields";
import { FormModal } from "./FormModal";
import { useAgencyOptions } from "./shared";

type Service = CaseDetail["services"][number];

interface PlanValues {
  provider: string;
  due: string;
  notes: string;
}

/** The planning of a service, when adding one and when editing it: provider, due date, notes. */
export function ServicePlanFields<T extends PlanValues>({
  agencies,
  values,
  set,
  errors,
}: {
  agencies: { value: string; label: string }[];
  values: T;
  set: DialogForm<T>["set"];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <AgencyField
        label={t("cases.service.provider")}
        agencies={agencies}
        value={values.provider}
        onChange={set("provider")}
        error={errors.providerAgencyId}
      />
      <DateField label={t("cases.service.due")} value={values.due} onChange={set("due")} error={errors.dueDate} />
      <NoteField label={t("cases.service.notes")} value={values.notes} onChange={set("notes")} error={errors.notes} />
    </>
  );
}

export function ServiceEditButton({ caseId, service, onDone }: { caseId: string; service: Service; onDone: () => void }) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const form = useDialogForm(() => ({
    status: service.status as string,
    provider: service.providerAgency?.id ?? "",
    due: service.dueDate?.slice(0, 10) ?? "",
    notes: service.notes ?? "",
  }));
  const { status, provider, due, notes } = form.values;
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={form.open}
        aria-label={t("cases.service.editOf", { type: t(`cases.service.type.${service.type}`) })}
      >
        {t("cases.service.edit")}
      </Button>
      <FormModal
        opened={form.opened}
        title={t("cases.service.editTitle", { type: t(`cases.service.type.${service.type}`) })}
        onClose={form.close}
        onSubmit={async () => {
          const patch = {
            ...(status !== service.status ? { status } : {}),
            ...(provider !== (service.providerAgency?.id ?? "") ? { providerAgencyId: provider || null } : {}),
            ...(due !== (service.dueDate?.slice(0, 10) ?? "") ? { dueDate: due || null } : {}),
            ...(notes.trim() !== (service.notes ?? "") ? { notes: notes.trim() || null } : {}),
          };
          if (Object.keys(patch).length === 0) return;
          await api.patch(`/api/cases/${caseId}/services/${service.id}`, patch);
          onDone();
        }}
      >
        {(submission) => (
          <>
            <ChoiceField
              label={t("cases.service.statusLabel")}
              prefix="cases.service.status"
              values={SERVICE_STATUSES}
              {...form.bind("status")}
              error={submission.fields.status}
            />
            <ServicePlanFields agencies={agencies} values={form.values} set={form.set} errors={submission.fields} />
          </>
        )}
      </FormModal>
    </>
  );
}
