// "Jadikan kasus": opens a case from a verified report in one step. Shown only when the server's
// `abilities.toCase` allows it. The reporter's contact is copied only when the user ticks the box
// (and only offered when the user can see it): by default it stays on the report.
import { Alert, Button, Checkbox, Modal, Select, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { CASES_PATH, PRIORITIES } from "../../lib/cases";
import type { ReportDetail } from "../../lib/reports";
import { navigate } from "../../lib/router";
import { CandidatePicker } from "../cases/TeamTab";
import { splitFieldErrors, useSubmission } from "../forms";
import { FormActions } from "../FormActions";

export function ToCaseButton({ report, onDone }: { report: ReportDetail; onDone: (updated: ReportDetail) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!report.abilities.toCase) return null;
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {t("reports.actions.toCase.button")}
      </Button>
      {open && (
        <ToCaseModal
          report={report}
          onClose={() => setOpen(false)}
          onDone={(updated) => {
            setOpen(false);
            onDone(updated);
          }}
        />
      )}
    </>
  );
}

function ToCaseModal({ report, onClose, onDone }: { report: ReportDetail; onClose: () => void; onDone: (updated: ReportDetail) => void }) {
  const { t } = useTranslation();
  const [ownerId, setOwnerId] = useState("");
  const [priority, setPriority] = useState<string>("normal");
  const [includeReporterContact, setIncludeReporterContact] = useState(false);
  const submission = useSubmission();
  const { byField, rest } = splitFieldErrors(submission.fields, ["ownerId", "priority", "includeReporterContact"]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await submission.run(async () => {
      const updated = await api.post<ReportDetail>(`/api/reports/${report.id}/case`, {
        ...(ownerId ? { ownerId } : {}),
        priority,
        includeReporterContact,
      });
      // Straight to the new case when this user may open it; otherwise stay on the report.
      if (updated.caseId) navigate(`${CASES_PATH}/${updated.caseId}`);
      else onDone(updated);
    });
  }

  return (
    <Modal opened onClose={onClose} title={t("reports.actions.toCase.title", { code: report.trackingCode })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {(submission.error || rest.length > 0) && (
            <Alert color="red" role="alert">
              {[submission.error, ...rest].filter(Boolean).join(" ")}
            </Alert>
          )}
          <Text size="sm">{t("reports.actions.toCase.lead")}</Text>
          <CandidatePicker
            label={t("reports.actions.toCase.ownerId")}
            description={t("reports.actions.toCase.ownerIdHint")}
            value={ownerId}
            onChange={setOwnerId}
            error={byField.ownerId}
          />
          <Select
            label={t("cases.priorityLabel")}
            data={PRIORITIES.map((value) => ({ value, label: t(`cases.priority.${value}`) }))}
            value={priority}
            error={byField.priority}
            onChange={(value) => setPriority(value ?? "normal")}
          />
          {report.reporter && (
            <Checkbox
              label={t("reports.actions.toCase.includeReporter")}
              description={t("reports.actions.toCase.includeReporterHint")}
              checked={includeReporterContact}
              error={byField.includeReporterContact}
              onChange={(event) => setIncludeReporterContact(event.currentTarget.checked)}
            />
          )}
          <FormActions busy={submission.busy} onCancel={onClose} submitLabel={t("reports.actions.toCase.submit")} dialog />
        </Stack>
      </form>
    </Modal>
  );
}
