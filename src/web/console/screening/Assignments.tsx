// What the other side of a screening receives: home visits for the PIMPASA or volunteer of the
// applicant's desa, counselling referrals for the receiving agency's operators. Each shows only what is
// needed to find and counsel the applicant, and records the outcome.
import { Alert, Badge, Group, Paper, Loader, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate, formatDateTime } from "../../lib/format";
import type { Assignment } from "../../lib/screening";
import { useSubmission } from "../forms";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { useCountryName } from "./parts";
import { PageHeader } from "../PageHeader";
import { NoteField } from "../fields";
import { RunButton } from "../RunButton";

export function Assignments({ kind }: { kind: "visit" | "referral" }) {
  const { t } = useTranslation();
  const title = kind === "visit" ? t("screening.visitsTitle") : t("screening.referralsTitle");
  usePageTitle(title);
  const list = useResource<{ items: Assignment[] }>(kind === "visit" ? "/api/screenings/visits" : "/api/screenings/referrals");
  return (
    <Stack maw={760}>
      <PageHeader title={title} lead={kind === "visit" ? t("screening.visitsLead") : t("screening.referralsLead")} />
      {list.error ? <Alert color="red">{errorMessage(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Loader aria-label={t("common.loading")} /> : null}
      {list.data && list.data.items.length === 0 ? <Text>{t("screening.nothingAssigned")}</Text> : null}
      {list.data?.items.map((a) => (
        <AssignmentCard key={a.id} kind={kind} item={a} onDone={list.reload} />
      ))}
    </Stack>
  );
}

function AssignmentCard({ kind, item, onDone }: { kind: "visit" | "referral"; item: Assignment; onDone: () => void }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const submission = useSubmission();
  const [outcome, setOutcome] = useState("");
  return (
    <Paper withBorder p="md" data-testid="assignment">
      <Group justify="space-between">
        <Text fw={600}>{item.applicantName}</Text>
        <Badge color={item.status === "open" ? "orange" : "teal"}>{t(`screening.followupStatuses.${item.status}`)}</Badge>
      </Group>
      <Text size="sm">
        {[item.desaName, t(`screening.purposes.${item.purpose}`), item.destinationCountry ? country(item.destinationCountry) : null]
          .filter(Boolean)
          .join(" · ")}
      </Text>
      {item.applicantPhone ? <Text size="sm">{item.applicantPhone}</Text> : null}
      {item.reasonCode ? <Text size="sm">{t(`screening.reasons.${item.reasonCode}`)}</Text> : null}
      <Text size="xs" c="dimmed">
        {item.screeningCode} · {item.dueDate ? t("screening.dueBy", { date: formatDate(item.dueDate) }) : formatDateTime(item.createdAt)}
      </Text>
      {item.status === "open" ? (
        <Stack gap="xs" mt="sm">
          <NoteField label={t("screening.outcome")} value={outcome} onChange={setOutcome} />
          <RunButton
            submission={submission}
            size="xs"
            disabled={!outcome.trim()}
            action={async () => {
              await api.post(`/api/screenings/${kind === "visit" ? "visits" : "referrals"}/${item.id}/complete`, {
                outcome: outcome.trim(),
              });
              onDone();
            }}
          >
            {t("screening.markDone")}
          </RunButton>
        </Stack>
      ) : item.outcome ? (
        <Text size="sm" mt="xs">
          {item.outcome}
        </Text>
      ) : null}
    </Paper>
  );
}
