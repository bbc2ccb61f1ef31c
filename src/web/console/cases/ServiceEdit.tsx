// Editing one service of the plan (the case team): provider, status, due date and notes. Only changed
// fields are sent; an emptied provider, due date or note is sent as null and cleared.
import { Button, Select, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { type CaseDetail, SERVICE_STATUSES } from "../../lib/cases";
import { FormModal } from "./FormModal";
import { options, useAgencyOptions } from "./shared";

type Service = CaseDetail["services"][number];

export function ServiceEditButton({ caseId, service, onDone }: { caseId: string; service: Service; onDone: () => void }) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string>(service.status);
  const [provider, setProvider] = useState("");
  const [due, setDue] = useState("");
  const [notes, setNotes] = useState("");
  const start = () => {
    setStatus(service.status);
    setProvider(service.providerAgency?.id ?? "");
    setDue(service.dueDate?.slice(0, 10) ?? "");
    setNotes(service.notes ?? "");
    setOpen(true);
  };
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={start}
        aria-label={t("cases.service.editOf", { type: t(`cases.service.type.${service.type}`) })}
      >
        {t("cases.service.edit")}
      </Button>
      <FormModal
        opened={open}
        title={t("cases.service.editTitle", { type: t(`cases.service.type.${service.type}`) })}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
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
            <Select
              label={t("cases.service.statusLabel")}
              data={options(t, "cases.service.status", SERVICE_STATUSES)}
              value={status}
              allowDeselect={false}
              onChange={(v) => setStatus(v ?? service.status)}
              error={submission.fields.status}
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
              error={submission.fields.notes}
            />
          </>
        )}
      </FormModal>
    </>
  );
}
