// Legal-process milestones of a case (police report, investigation, prosecution, verdict…). Recorded by the
// team and by an investigator holding an accepted whole-case referral (`abilities.recordLegal`).
import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { LEGAL_STAGES } from "../../lib/cases";
import { AddableTab, useDialogForm } from "./AddableTab";
import type { TabProps } from "./CaseDetailPage";
import { DateField, NoteField, TextField } from "../fields";
import { ChoiceField } from "./fields";
import { day, splitList } from "./shared";

export function LegalTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const form = useDialogForm(() => ({ stage: "police_report", date: "", articles: "", reference: "", notes: "" }));
  const { stage, date, articles, reference, notes } = form.values;
  return (
    <AddableTab
      canAdd={detail.abilities.recordLegal}
      addLabel={t("cases.legal.add")}
      empty={t("cases.legal.empty")}
      isEmpty={detail.legal.length === 0}
      form={form}
      onSubmit={async () => {
        await api.post(`/api/cases/${detail.id}/legal`, {
          stage,
          date,
          articles: splitList(articles),
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        });
        reload();
      }}
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
  );
}
