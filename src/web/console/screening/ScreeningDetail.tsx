// One interview: the applicant, the answers, the score with its reasons, the decision (hidden from a
// blind reviewer until they record theirs), reviews, and the follow-ups. What the page offers follows the
// `abilities` the server sends with the record.
import {
  Alert,
  Badge,
  Group,
  Loader,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SCREENING_DECISIONS, SCREENING_REASONS, type ScreeningDecision } from "../../../core/screening";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import type { ScreeningDetail, VisitCandidate } from "../../lib/screening";
import { splitFieldErrors, useSubmission } from "../forms";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { DecisionBadge, StatusBadge, useCountryName } from "./parts";
import { PageHeader } from "../PageHeader";
import { NoteField } from "../fields";
import { Panel } from "../Panel";
import { RunButton } from "../RunButton";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td>{children ?? "–"}</Table.Td>
    </Table.Tr>
  );
}

export function ScreeningDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const res = useResource<ScreeningDetail>(`/api/screenings/${id}`);
  const [fresh, setFresh] = useState<ScreeningDetail | null>(null);
  const s = fresh ?? res.data;
  usePageTitle(s ? t("screening.detailTitle", { code: s.code }) : t("screening.title"));
  const country = useCountryName();
  if (res.error) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(res.error)}
      </Alert>
    );
  }
  if (!s) return <Loader aria-label={t("common.loading")} />;
  return (
    <Stack maw={960}>
      <PageHeader
        title={t("screening.detailTitle", { code: s.code })}
        lead={t("screening.interviewedBy", { name: s.officer.displayName, at: formatDateTime(s.interviewedAt) })}
        actions={
          <Group gap={6}>
            <StatusBadge status={s.status} />
            {s.finalDecision ? <DecisionBadge decision={s.finalDecision} /> : null}
          </Group>
        }
      />

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title={t("screening.sections.applicant")}>
          <Table>
            <Table.Tbody>
              <Row label={t("screening.applicant.name")}>{s.applicant.name}</Row>
              <Row label={t("screening.applicant.nik")}>{s.applicant.nik}</Row>
              <Row label={t("screening.applicant.phone")}>{s.applicant.phone}</Row>
              <Row label={t("screening.applicant.sex")}>{t(`screening.sexes.${s.applicant.sex}`)}</Row>
              <Row label={t("screening.applicant.ageBand")}>{s.applicant.ageBand}</Row>
              <Row label={t("screening.applicant.desa")}>{s.desaName}</Row>
            </Table.Tbody>
          </Table>
        </Panel>
        <Panel title={t("screening.sections.travel")}>
          <Table>
            <Table.Tbody>
              <Row label={t("screening.purpose")}>{t(`screening.purposes.${s.purpose}`)}</Row>
              <Row label={t("screening.destination")}>{s.destinationCountry ? country(s.destinationCountry) : null}</Row>
              <Row label={t("screening.job")}>{s.job}</Row>
              <Row label={t("screening.paidBy")}>{s.paidBy ? t(`screening.paidByOptions.${s.paidBy}`) : null}</Row>
              <Row label={t("screening.documents")}>
                {s.documents.length ? s.documents.map((d) => t(`screening.documentNames.${d}`)).join(", ") : null}
              </Row>
              <Row label={t("screening.missingDocuments")}>
                {s.missingDocuments.length
                  ? s.missingDocuments.map((d) => t(`screening.documentNames.${d}`)).join(", ")
                  : t("screening.none")}
              </Row>
              <Row label={t("screening.sponsor.title")}>
                {s.sponsor ? [s.sponsor.name, s.sponsor.phone, s.sponsor.company].filter(Boolean).join(" · ") : null}
              </Row>
              <Row label={t("screening.route")}>{s.route}</Row>
            </Table.Tbody>
          </Table>
        </Panel>
      </SimpleGrid>

      <Panel title={t("screening.scoreTitle", { score: formatNumber(s.score), level: t(`screening.levels.${s.scoreLevel}`) })}>
        <Group gap={6}>
          {s.scoreReasons.map((r) => (
            <Badge key={r.flag} variant="outline" color={r.weight >= 3 ? "red" : "dark"}>
              {t(`screening.flags.${r.flag}`)} +{r.weight}
            </Badge>
          ))}
        </Group>
        <Text size="sm" mt="xs">
          {t("screening.certaintyValue", { n: s.certainty })}
        </Text>
        {s.offerText ? (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={500}>
              {t("screening.offerText")}{" "}
              {s.offerLevel ? (
                <Badge color={s.offerLevel === "tinggi" ? "red" : s.offerLevel === "sedang" ? "orange" : "gray"}>{s.offerLevel}</Badge>
              ) : null}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {s.offerText}
            </Text>
          </Stack>
        ) : null}
      </Panel>

      <Panel title={t("screening.sections.decision")}>
        {s.decision === null ? (
          <Alert color="blue">{t("screening.blindNotice")}</Alert>
        ) : (
          <Stack gap={4}>
            <Group gap={6}>
              <Text size="sm">{t("screening.firstDecision")}</Text>
              <DecisionBadge decision={s.decision} />
              {s.reasonCode ? <Text size="sm">{t(`screening.reasons.${s.reasonCode}`)}</Text> : null}
            </Group>
            {s.missing.length ? <Text size="sm">{t("screening.missingList", { items: s.missing.join("; ") })}</Text> : null}
            {s.note ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {s.note}
              </Text>
            ) : null}
          </Stack>
        )}
        {s.reviews.map((r) => (
          <Group key={`${r.kind}-${r.reviewer.id}`} gap={6} mt="xs">
            <Text size="sm">{t(`screening.reviewKinds.${r.kind}`, { name: r.reviewer.displayName, at: formatDateTime(r.createdAt) })}</Text>
            <DecisionBadge decision={r.decision} />
            {r.reasonCode ? <Text size="sm">{t(`screening.reasons.${r.reasonCode}`)}</Text> : null}
            {r.note ? <Text size="sm">— {r.note}</Text> : null}
          </Group>
        ))}
        {s.finalDecision && s.status === "final" ? (
          <Text size="sm" mt="xs" fw={500}>
            {t("screening.finalLine", {
              decision: t(`screening.decisions.${s.finalDecision}`),
              reason: s.finalReasonCode ? t(`screening.reasons.${s.finalReasonCode}`) : "",
            })}
          </Text>
        ) : null}
        {(s.abilities.review || s.abilities.tiebreak) && <ReviewForm screening={s} onDone={setFresh} />}
      </Panel>

      <Panel title={t("screening.sections.followups")}>
        {s.followups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("screening.noFollowups")}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {s.followups.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    {f.kind === "referral"
                      ? t("screening.referralTo", { name: f.agency?.name })
                      : t("screening.visitBy", { name: f.assignee?.displayName, due: f.dueDate ? formatDate(f.dueDate) : "" })}
                  </Table.Td>
                  <Table.Td>{t(`screening.followupStatuses.${f.status}`)}</Table.Td>
                  <Table.Td>{f.outcome}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {s.abilities.refer && <ReferralForm screening={s} onDone={setFresh} />}
        {s.abilities.assignVisit && <VisitForm screening={s} onDone={setFresh} />}
      </Panel>
    </Stack>
  );
}

function ReviewForm({ screening, onDone }: { screening: ScreeningDetail; onDone: (s: ScreeningDetail) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [decision, setDecision] = useState<ScreeningDecision>("postpone");
  const [reasonCode, setReasonCode] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const { byField, rest } = splitFieldErrors(submission.fields, ["decision", "reasonCode", "note"]);
  return (
    <Stack mt="md" gap="xs" data-testid="review-form">
      <Title order={3} size="h5">
        {screening.abilities.tiebreak ? t("screening.tiebreakTitle") : t("screening.reviewTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {screening.abilities.tiebreak ? t("screening.tiebreakLead") : t("screening.reviewLead")}
      </Text>
      <SegmentedControl
        value={decision}
        onChange={(v) => setDecision(v as ScreeningDecision)}
        data={SCREENING_DECISIONS.map((value) => ({ value, label: t(`screening.decisions.${value}`) }))}
      />
      {decision !== "issue" && (
        <Select
          label={t("screening.reason")}
          required
          data={SCREENING_REASONS.map((value) => ({ value, label: t(`screening.reasons.${value}`) }))}
          value={reasonCode}
          onChange={setReasonCode}
          error={byField.reasonCode}
        />
      )}
      <NoteField label={t("screening.note")} value={note} onChange={setNote} error={byField.note} />
      <RunButton
        submission={submission}
        rest={rest}
        action={async () => {
          onDone(
            await api.post<ScreeningDetail>(`/api/screenings/${screening.id}/reviews`, {
              decision,
              reasonCode: decision === "issue" ? undefined : (reasonCode ?? undefined),
              note: note.trim() || undefined,
            }),
          );
        }}
      >
        {t("screening.submitReview")}
      </RunButton>
    </Stack>
  );
}

function ReferralForm({ screening, onDone }: { screening: ScreeningDetail; onDone: (s: ScreeningDetail) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const agencies = useResource<{ items: { id: string; name: string; operators: number }[] }>("/api/screenings/referral-agencies");
  const [chosen, setChosen] = useState<string[]>([]);
  const withoutOperators = (agencies.data?.items ?? []).filter((a) => chosen.includes(a.id) && a.operators === 0);
  return (
    <Stack mt="md" gap="xs">
      <MultiSelect
        label={t("screening.referTo")}
        data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        value={chosen}
        onChange={setChosen}
        searchable
      />
      {withoutOperators.length > 0 && (
        <Alert color="orange">{t("screening.noOperators", { names: withoutOperators.map((a) => a.name).join(", ") })}</Alert>
      )}
      <RunButton
        submission={submission}
        variant="light"
        disabled={chosen.length === 0}
        action={async () => {
          onDone(await api.post<ScreeningDetail>(`/api/screenings/${screening.id}/referrals`, { agencyIds: chosen }));
          setChosen([]);
        }}
      >
        {t("screening.refer")}
      </RunButton>
    </Stack>
  );
}

function VisitForm({ screening, onDone }: { screening: ScreeningDetail; onDone: (s: ScreeningDetail) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const candidates = useResource<{ items: VisitCandidate[] }>(`/api/screenings/${screening.id}/visit-candidates`);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [due, setDue] = useState("");
  const { byField, rest } = splitFieldErrors(submission.fields, ["assigneeId", "dueDate"]);
  const items = candidates.data?.items ?? [];
  return (
    <Stack mt="md" gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("screening.visitAssignee")}
          data={items.map((c) => ({ value: c.id, label: `${c.displayName} (${c.roles.map((r) => t(`roles.${r}`)).join(", ")})` }))}
          value={assignee}
          onChange={setAssignee}
          nothingFoundMessage={t("screening.noCandidates")}
          error={byField.assigneeId}
        />
        <TextInput
          type="date"
          label={t("screening.visitDue")}
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          error={byField.dueDate}
        />
      </SimpleGrid>
      {candidates.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("screening.noCandidates")}
        </Text>
      )}
      <RunButton
        submission={submission}
        rest={rest}
        variant="light"
        disabled={!assignee || !due}
        action={async () =>
          onDone(await api.post<ScreeningDetail>(`/api/screenings/${screening.id}/visits`, { assigneeId: assignee, dueDate: due }))
        }
      >
        {t("screening.assignVisit")}
      </RunButton>
    </Stack>
  );
}
