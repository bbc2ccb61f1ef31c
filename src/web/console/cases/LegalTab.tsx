// Legal-process milestones of a case (police report, investigation, prosecution, verdict…). Recorded by the
// team and by an investigator holding an accepted whole-case referral (`abilities.recordLegal`).
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { ErrorAlert } from "../FormErrorAlert";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../hooks";
import { ReasonField } from "../ReasonField";
import { LEGAL_STAGES } from "../../lib/cases";
import { AddableTab, useDialogForm } from "./AddableTab";
import { FormModal } from "./FormModal";
import type { TabProps } from "./CaseDetailPage";
import { DateField, NoteField, TextField } from "../fields";
import { ChoiceField } from "./fields";
import { day, splitList } from "./shared";

export function LegalTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const form = useDialogForm(() => ({ stage: "police_report", date: "", articles: "", reference: "", notes: "" }));
  const { stage, date, articles, reference, notes } = form.values;
  return (
    <Stack>
      <LegalHold detail={detail} reload={reload} />
      <AddableTab
        list="legal"
        detail={detail}
        reload={reload}
        form={form}
        body={() => ({
          stage,
          date,
          articles: splitList(articles),
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        })}
        fields={(submission) => (
          <>
            <ChoiceField label={t("cases.legal.stageLabel")} prefix="cases.legal.stage" values={LEGAL_STAGES} {...form.bind("stage")} />
            <DateField required label={t("cases.legal.date")} {...form.bind("date")} error={submission.fields.date} />
            <TextField
              label={t("cases.legal.articles")}
              description={t("cases.legal.articlesHint")}
              {...form.bind("articles")}
              error={Object.entries(submission.fields).find(([k]) => k.startsWith("articles"))?.[1]}
            />
            <TextField label={t("cases.legal.reference")} {...form.bind("reference")} />
            <NoteField label={t("cases.legal.notes")} {...form.bind("notes")} />
          </>
        )}
      >
        {detail.legal.map((l) => (
          <Stack key={l.id} gap={2}>
            <Text fw={600}>
              {day(l.date)} · {t(`cases.legal.stage.${l.stage}`)}
            </Text>
            {l.articles.length > 0 && <Text size="sm">{t("cases.legal.articlesList", { list: l.articles.join(", ") })}</Text>}
            {l.reference && (
              <Text size="sm">
                {t("cases.legal.reference")}: {l.reference}
              </Text>
            )}
            {l.notes && <Text size="sm">{l.notes}</Text>}
          </Stack>
        ))}
      </AddableTab>
    </Stack>
  );
}

type Hold = { held: boolean; reason: string | null; setAt: string | null; setBy: string | null };

/**
 * Legal hold (UU 27/2022 Pasal 50): while held, the case is never erased by the retention periods nor on a
 * person's request. Set and released by whoever the server allows (`abilities.legalHold`); reading is audited.
 */
function LegalHold({ detail }: TabProps) {
  const { t } = useTranslation();
  const base = `/api/cases/${detail.id}/legal-hold`;
  const hold = useResource<Hold>(base);
  const h = hold.data;
  const form = useDialogForm(() => ({ reason: h?.reason ?? "" }));
  const [error, setError] = useState<unknown>(null);
  async function release() {
    if (!window.confirm(t("cases.legalHold.releaseConfirm"))) return;
    setError(null);
    try {
      await api.delete(base);
      hold.reload();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <Stack gap="xs" data-testid="case-legal-hold">
      <ErrorAlert error={error ?? hold.error} />
      {h && (
        <Alert color={h.held ? "orange" : "gray"} title={t(h.held ? "cases.legalHold.held" : "cases.legalHold.none")}>
          <Stack gap={4}>
            <Text size="sm">{t("cases.legalHold.lead")}</Text>
            {h.held && h.setAt && <Text size="sm">{t("cases.legalHold.setBy", { name: h.setBy ?? "", at: formatDateTime(h.setAt) })}</Text>}
            {h.reason && <Text size="sm">{h.reason}</Text>}
            {detail.abilities.legalHold && (
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={form.open}>
                  {t(h.held ? "cases.legalHold.edit" : "cases.legalHold.set")}
                </Button>
                {h.held && (
                  <Button size="xs" variant="subtle" color="red" onClick={release}>
                    {t("cases.legalHold.release")}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      <FormModal
        opened={form.opened}
        title={t("cases.legalHold.set")}
        onClose={form.close}
        onSubmit={async () => {
          await api.put(base, { reason: form.values.reason.trim() });
          hold.reload();
        }}
      >
        {(submission) => (
          <ReasonField
            label={t("cases.legalHold.reason")}
            hint={t("cases.legalHold.reasonHint")}
            {...form.bind("reason")}
            error={submission.fields.reason}
          />
        )}
      </FormModal>
    </Stack>
  );
}
