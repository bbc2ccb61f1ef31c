// Legal-process milestones of a case (police report, investigation, prosecution, verdict…). Recorded by the
// team and by an investigator holding an accepted whole-case referral (`abilities.recordLegal`).
import { Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { LEGAL_STAGES } from "../../lib/cases";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { AddButton, day, Empty, options, splitList } from "./shared";

export function LegalTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<string>("police_report");
  const [date, setDate] = useState("");
  const [articles, setArticles] = useState("");
  const [reference, setReference] = useState("");
  const [notes, setNotes] = useState("");
  const start = () => {
    setStage("police_report");
    setDate("");
    setArticles("");
    setReference("");
    setNotes("");
    setOpen(true);
  };
  return (
    <Stack>
      <AddButton show={detail.abilities.recordLegal} label={t("cases.legal.add")} onClick={start} />
      <Empty shown={detail.legal.length === 0}>{t("cases.legal.empty")}</Empty>
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
      <FormModal
        opened={open}
        title={t("cases.legal.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
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
      >
        {(submission) => (
          <>
            <Select
              label={t("cases.legal.stageLabel")}
              data={options(t, "cases.legal.stage", LEGAL_STAGES)}
              value={stage}
              allowDeselect={false}
              onChange={(v) => setStage(v ?? "police_report")}
            />
            <TextInput
              type="date"
              required
              label={t("cases.legal.date")}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={submission.fields.date}
            />
            <TextInput
              label={t("cases.legal.articles")}
              description={t("cases.legal.articlesHint")}
              value={articles}
              onChange={(e) => setArticles(e.currentTarget.value)}
              error={Object.entries(submission.fields).find(([k]) => k.startsWith("articles"))?.[1]}
            />
            <TextInput label={t("cases.legal.reference")} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
            <Textarea label={t("cases.legal.notes")} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          </>
        )}
      </FormModal>
    </Stack>
  );
}
