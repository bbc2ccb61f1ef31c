// Assessments of a case: risk, needs (service types) and a summary.
import { Badge, Group, MultiSelect, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RISKS, SERVICE_TYPES } from "../../lib/cases";
import { formatDateTime } from "../../lib/format";
import { AddableTab, useDialogForm } from "./AddableTab";
import type { TabProps } from "./CaseDetailPage";
import { NoteField } from "../fields";
import { ChoiceField } from "./fields";
import { options } from "./shared";

export function AssessmentsTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const form = useDialogForm(() => ({ risk: "medium", needs: [] as string[], summary: "" }));
  const { risk, needs, summary } = form.values;
  return (
    <AddableTab
      list="assessments"
      detail={detail}
      reload={reload}
      form={form}
      body={() => ({ risk, needs, ...(summary.trim() ? { summary: summary.trim() } : {}) })}
      fields={() => (
        <>
          <ChoiceField label={t("cases.assessment.riskLabel")} prefix="cases.assessment.risk" values={RISKS} {...form.bind("risk")} />
          <MultiSelect label={t("cases.assessment.needs")} data={options(t, "cases.service.type", SERVICE_TYPES)} {...form.bind("needs")} />
          <NoteField label={t("cases.assessment.summary")} minRows={3} {...form.bind("summary")} />
        </>
      )}
    >
      {detail.assessments.map((a) => (
        <Stack key={a.id} gap={2}>
          <Group gap="xs">
            <Text fw={600}>{formatDateTime(a.assessedAt)}</Text>
            <Badge color={a.risk === "high" ? "red" : a.risk === "medium" ? "orange" : "gray"}>
              {t(`cases.assessment.risk.${a.risk}`)}
            </Badge>
          </Group>
          {a.needs.length > 0 && (
            <Text size="sm">
              {t("cases.assessment.needs")}: {a.needs.map((n) => t(`cases.service.type.${n}`)).join(", ")}
            </Text>
          )}
          {a.summary && <Text size="sm">{a.summary}</Text>}
        </Stack>
      ))}
    </AddableTab>
  );
}
