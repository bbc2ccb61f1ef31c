// The handling steps of one report, each a small form in a modal. Which buttons show comes from
// the report's `abilities` computed by the server; the server checks again on every step.
import { Alert, Button, Checkbox, Group, MultiSelect, Radio, Select, Stack } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { REPORT_OUTCOMES, type ReportDetail } from "../../lib/reports";
import type { Agency } from "../../lib/types";
import { useSubmission } from "../forms";
import { useResource } from "../hooks";
import { FormDialog } from "../FormDialog";
import { NoteField } from "../fields";

export const ACTIONS = ["verify", "forward", "respond", "note", "close", "reject", "reopen"] as const;
export type Action = (typeof ACTIONS)[number];

const ENDPOINT: Record<Action, string> = {
  verify: "verify",
  reject: "reject",
  forward: "forward",
  respond: "responses",
  note: "notes",
  close: "close",
  reopen: "reopen",
};

interface Values {
  publicNote: string;
  internalNote: string;
  reason: string;
  instruction: string;
  agencyIds: string[];
  shareContact: boolean;
  note: string;
  visibility: "internal" | "public";
  outcome: string;
}

const EMPTY: Values = {
  publicNote: "",
  internalNote: "",
  reason: "",
  instruction: "",
  agencyIds: [],
  shareContact: false,
  note: "",
  visibility: "internal",
  outcome: "",
};

const trimmed = (text: string) => (text.trim() ? text.trim() : undefined);

function bodyOf(action: Action, v: Values): Record<string, unknown> {
  switch (action) {
    case "verify":
    case "respond":
      return { publicNote: trimmed(v.publicNote), internalNote: trimmed(v.internalNote) };
    case "reject":
      return { reason: v.reason.trim(), publicNote: trimmed(v.publicNote) };
    case "forward":
      return { agencyIds: v.agencyIds, instruction: v.instruction.trim(), shareContact: v.shareContact, publicNote: trimmed(v.publicNote) };
    case "note":
      return { note: v.note.trim(), visibility: v.visibility };
    case "close":
      return { outcome: v.outcome, publicNote: trimmed(v.publicNote), internalNote: trimmed(v.internalNote) };
    case "reopen":
      return { reason: v.reason.trim() };
  }
}

export function ActionButtons({ report, onDone }: { report: ReportDetail; onDone: (updated: ReportDetail) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const available = ACTIONS.filter((action) => report.abilities[action]);
  if (available.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {available.map((action) => (
          <Button
            key={action}
            variant={action === "reject" || action === "close" || action === "reopen" ? "default" : "filled"}
            color={action === "reject" ? "red" : undefined}
            onClick={() => setOpen(action)}
          >
            {t(`reports.actions.${action}.button`)}
          </Button>
        ))}
      </Group>
      {open && (
        <ActionModal
          action={open}
          report={report}
          onClose={() => setOpen(null)}
          onDone={(updated) => {
            setOpen(null);
            onDone(updated);
          }}
        />
      )}
    </>
  );
}

function ActionModal({
  action,
  report,
  onClose,
  onDone,
}: {
  action: Action;
  report: ReportDetail;
  onClose: () => void;
  onDone: (updated: ReportDetail) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const submission = useSubmission();
  const agencies = useResource<{ items: Agency[] }>(action === "forward" ? "/api/admin/agencies" : null);
  const already = new Set(report.forwards.map((forward) => forward.agency.id));
  const agencyOptions = (agencies.data?.items ?? [])
    .filter((agency) => agency.active !== false && !already.has(agency.id))
    .map((agency) => ({
      value: agency.id,
      label: `${agency.name} (${agency.code})${agency.activeOperators === 0 ? ` – ${t("reports.actions.forward.noOperatorsTag")}` : ""}`,
    }));
  // The server counts each agency's active operators: a forward to an agency without one reaches nobody.
  const unread = (agencies.data?.items ?? []).filter((agency) => values.agencyIds.includes(agency.id) && agency.activeOperators === 0);
  const f = submission.fields;

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  /** A text field's value, error and change handler. */
  const text = (key: "publicNote" | "internalNote" | "reason" | "instruction" | "note") => ({
    value: values[key],
    error: f[key],
    onChange: (value: string) => set(key, value),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await submission.run(async () => {
      const updated = await api.post<ReportDetail>(`/api/reports/${report.id}/${ENDPOINT[action]}`, bodyOf(action, values));
      onDone(updated);
    });
  }

  const publicNote = <NoteField label={t("reports.publicNote")} description={t("reports.publicNoteHint")} {...text("publicNote")} />;
  const internalNote = (
    <NoteField label={t("reports.internalNote")} description={t("reports.internalNoteHint")} {...text("internalNote")} />
  );
  const reason = <NoteField label={t(`reports.actions.${action}.reason`)} required {...text("reason")} />;

  return (
    <FormDialog
      title={t(`reports.actions.${action}.title`, { code: report.trackingCode })}
      onClose={onClose}
      onSubmit={submit}
      submission={submission}
      validate
      submitLabel={t(`reports.actions.${action}.submit`)}
    >
      {action === "verify" && (
        <>
          {publicNote}
          {internalNote}
        </>
      )}
      {action === "reject" && (
        <>
          {reason}
          {publicNote}
        </>
      )}
      {action === "forward" && (
        <>
          <MultiSelect
            label={t("reports.actions.forward.agencies")}
            required
            searchable
            data={agencyOptions}
            value={values.agencyIds}
            error={f.agencyIds}
            onChange={(value) => set("agencyIds", value)}
          />
          {unread.length > 0 && (
            <Alert color="orange" role="alert" data-testid="forward-no-operators">
              {t("reports.actions.forward.noOperators", { agencies: unread.map((agency) => agency.name).join(", ") })}
            </Alert>
          )}
          <NoteField label={t("reports.actions.forward.instruction")} required minRows={3} {...text("instruction")} />
          <Checkbox
            label={t("reports.actions.forward.shareContact")}
            description={t("reports.actions.forward.shareContactHint")}
            checked={values.shareContact}
            onChange={(event) => set("shareContact", event.currentTarget.checked)}
          />
          {publicNote}
        </>
      )}
      {action === "respond" && (
        <>
          {internalNote}
          {publicNote}
        </>
      )}
      {action === "note" && (
        <>
          <NoteField label={t("reports.actions.note.note")} required minRows={3} {...text("note")} />
          <Radio.Group
            label={t("reports.actions.note.visibility")}
            value={values.visibility}
            onChange={(value) => set("visibility", value as Values["visibility"])}
          >
            <Stack gap={6} mt={4}>
              <Radio value="internal" label={t("reports.actions.note.internal")} />
              <Radio value="public" label={t("reports.actions.note.public")} />
            </Stack>
          </Radio.Group>
        </>
      )}
      {action === "close" && (
        <>
          <Select
            label={t("reports.outcome")}
            required
            data={REPORT_OUTCOMES.map((value) => ({ value, label: t(`reportStatus.outcomes.${value}`) }))}
            value={values.outcome || null}
            error={f.outcome}
            onChange={(value) => set("outcome", value ?? "")}
          />
          {publicNote}
          {internalNote}
        </>
      )}
      {action === "reopen" && reason}{" "}
    </FormDialog>
  );
}
