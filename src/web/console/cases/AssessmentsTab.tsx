// Assessments of a case: risk, needs (service types) and a summary.
import { Badge, Group, MultiSelect, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { RISKS, SERVICE_TYPES } from "../../lib/cases";
import { formatDateTime } from "../../lib/format";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { AddButton, Empty, options } from "./shared";

export function AssessmentsTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [risk, setRisk] = useState<string>("medium");
  const [needs, setNeeds] = useState<string[]>([]);
  const [summary, setSummary] = useState("");
  const start = () => {
    setRisk("medium");
    setNeeds([]);
    setSummary("");
    setOpen(true);
  };
  return (
    <Stack>
      <AddButton show={detail.abilities.addAssessment} label={t("cases.assessment.add")} onClick={start} />
      <Empty shown={detail.assessments.length === 0}>{t("cases.assessment.empty")}</Empty>
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
      <FormModal
        opened={open}
        title={t("cases.assessment.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/assessments`, { risk, needs, ...(summary.trim() ? { summary: summary.trim() } : {}) });
          reload();
        }}
      >
        {() => (
          <>
            <Select
              label={t("cases.assessment.riskLabel")}
              data={options(t, "cases.assessment.risk", RISKS)}
              value={risk}
              allowDeselect={false}
              onChange={(v) => setRisk(v ?? "medium")}
            />
            <MultiSelect
              label={t("cases.assessment.needs")}
              data={options(t, "cases.service.type", SERVICE_TYPES)}
              value={needs}
              onChange={setNeeds}
            />
            <Textarea
              label={t("cases.assessment.summary")}
              autosize
              minRows={3}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
            />
          </>
        )}
      </FormModal>
    </Stack>
  );
}
