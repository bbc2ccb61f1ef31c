// One recruiter entity: identifiers with how many records name each, names seen, the records (linked
// where the caller may open them), the network, the watchlist, judgements with merge and split, and
// look-alike names to judge. The server audits every open.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { CASES_PATH } from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import { formatDateTime, formatNumber } from "../../lib/format";
import { type EntityDetail, INTEL_PATH, type Network as NetworkData } from "../../lib/intel";
import { Link, navigate } from "../../lib/router";
import { FormErrorAlert } from "../FormErrorAlert";
import { useSubmission } from "../forms";
import { useResource } from "../hooks";
import { REPORTS_PATH } from "../reports/Reports";
import { usePageTitle } from "../usePageTitle";
import { Network } from "./Network";
import { PageHeader } from "../PageHeader";
import { NoteField } from "../fields";
import { Panel } from "../Panel";
import { RunButton } from "../RunButton";

function recordHref(source: string, id: string): string {
  return source === "report" ? `${REPORTS_PATH}/${id}` : `${CASES_PATH}/${id}`;
}

export function EntityPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const res = useResource<EntityDetail>(`/api/intel/entities/${id}`);
  const net = useResource<NetworkData>(`/api/intel/entities/${id}/network`);
  const [fresh, setFresh] = useState<EntityDetail | null>(null);
  const e = fresh ?? res.data;
  usePageTitle(e?.label ?? t("intel.title"));
  if (res.error) return <Alert color="red">{errorMessage(res.error)}</Alert>;
  if (!e) return <Loader aria-label={t("common.loading")} />;
  const update = (d: EntityDetail) => {
    setFresh(d);
    net.reload();
    if (d.id !== id) navigate(`${INTEL_PATH}/${d.id}`, { replace: true });
  };
  return (
    <Stack maw={1000}>
      <PageHeader title={e.label ?? t("intel.unnamed")} actions={e.watched ? <Badge color="red">{t("intel.watched")}</Badge> : null} />
      <Text size="sm">
        {t("intel.recordCounts", {
          reports: formatNumber(e.records.report),
          screenings: formatNumber(e.records.screening),
          cases: formatNumber(e.records.case),
        })}
      </Text>
      {e.names.length > 0 && <Text size="sm">{t("intel.namesSeen", { names: e.names.join(", ") })}</Text>}

      <Panel title={t("intel.identifiers")}>
        <SplitForm entity={e} onDone={update} />
      </Panel>

      <Panel title={t("intel.records")}>
        <Table>
          <Table.Tbody>
            {e.recordList.map((r) => (
              <Table.Tr key={`${r.source}:${r.id}`} data-testid="intel-record">
                <Table.Td>{t(`intel.nodeTypes.${r.source}`)}</Table.Td>
                <Table.Td>{r.canOpen ? <Link href={recordHref(r.source, r.id)}>{r.code}</Link> : r.code}</Table.Td>
                <Table.Td>{formatDateTime(r.at)}</Table.Td>
                <Table.Td>{r.role ? t(`intel.roles.${r.role}`, { defaultValue: r.role }) : ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Panel>

      <Panel title={t("intel.network")}>{net.data ? <Network data={net.data} /> : <Loader aria-label={t("common.loading")} />}</Panel>

      <Paper withBorder p="md">
        <WatchForm entity={e} onDone={update} />
      </Paper>

      <Panel title={t("intel.judgements")}>
        {e.judgements.map((j) => (
          <Text key={`${j.otherId}-${j.at}`} size="sm">
            {t(`intel.verdicts.${j.verdict}`)} · <Link href={`${INTEL_PATH}/${j.otherId}`}>{t("intel.otherEntity")}</Link> · {j.by},{" "}
            {formatDateTime(j.at)}
            {j.note ? ` — ${j.note}` : ""}
          </Text>
        ))}
        {e.suggestions.length > 0 && (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={500}>
              {t("intel.suggestions")}
            </Text>
            {e.suggestions.map((s) => (
              <Text key={s.id} size="sm">
                <Link href={`${INTEL_PATH}/${s.id}`}>{s.label ?? t("intel.unnamed")}</Link> (
                {t("intel.similarity", { n: Math.round(s.similarity * 100) })})
              </Text>
            ))}
          </Stack>
        )}
        <JudgeForm entity={e} onDone={update} />
      </Panel>
    </Stack>
  );
}

function WatchForm({ entity, onDone }: { entity: EntityDetail; onDone: (d: EntityDetail) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [reason, setReason] = useState("");
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("intel.watchlist")}
      </Title>
      {entity.watched ? (
        <Text size="sm">{entity.watchReason ? t("intel.watchReasonIs", { reason: entity.watchReason }) : t("intel.watchedNoReason")}</Text>
      ) : (
        <TextInput label={t("intel.watchReason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} />
      )}
      <RunButton
        submission={submission}
        variant={entity.watched ? "default" : "filled"}
        color={entity.watched ? undefined : "red"}
        action={async () =>
          onDone(
            await api.post<EntityDetail>(`/api/intel/entities/${entity.id}/watch`, {
              watched: !entity.watched,
              reason: reason.trim() || undefined,
            }),
          )
        }
      >
        {entity.watched ? t("intel.unwatch") : t("intel.watch")}
      </RunButton>
    </Stack>
  );
}

function SplitForm({ entity, onDone }: { entity: EntityDetail; onDone: (d: EntityDetail) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <Stack gap="xs">
      <Table>
        <Table.Tbody>
          {entity.identifiers.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td w={32}>
                {entity.identifiers.length > 1 ? (
                  <Checkbox
                    aria-label={t("intel.chooseForSplit", { value: i.value })}
                    checked={chosen.includes(i.id)}
                    onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, i.id] : chosen.filter((c) => c !== i.id))}
                  />
                ) : null}
              </Table.Td>
              <Table.Td>{t(`intel.kinds.${i.kind}`)}</Table.Td>
              <Table.Td data-testid="intel-identifier">{i.value}</Table.Td>
              <Table.Td>{t("intel.inRecords", { n: formatNumber(i.records) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <FormErrorAlert error={submission.error} rest={Object.values(submission.fields)} />
      {entity.identifiers.length > 1 && (
        <Group>
          <Button
            variant="default"
            size="xs"
            disabled={chosen.length === 0 || chosen.length >= entity.identifiers.length}
            loading={submission.busy}
            onClick={() =>
              void submission.run(async () =>
                onDone(await api.post<EntityDetail>(`/api/intel/entities/${entity.id}/split`, { identifierIds: chosen })),
              )
            }
          >
            {t("intel.split")}
          </Button>
          <Text size="xs" c="dimmed">
            {t("intel.splitHint")}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function JudgeForm({ entity, onDone }: { entity: EntityDetail; onDone: (d: EntityDetail) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [other, setOther] = useState(entity.suggestions[0]?.id ?? "");
  const [verdict, setVerdict] = useState<"same" | "not_same" | "unsure">("unsure");
  const [note, setNote] = useState("");
  return (
    <Stack gap="xs" mt="md">
      <Text size="sm" fw={500}>
        {t("intel.judgeTitle")}
      </Text>
      <TextInput
        label={t("intel.otherEntityId")}
        description={t("intel.otherEntityHint")}
        value={other}
        onChange={(e) => setOther(e.currentTarget.value.trim())}
      />
      <SegmentedControl
        value={verdict}
        onChange={(v) => setVerdict(v as typeof verdict)}
        data={(["same", "not_same", "unsure"] as const).map((value) => ({ value, label: t(`intel.verdicts.${value}`) }))}
      />
      <NoteField label={t("intel.note")} value={note} onChange={setNote} />
      <RunButton
        submission={submission}
        size="xs"
        disabled={!other}
        action={async () =>
          onDone(
            await api.post<EntityDetail>("/api/intel/judgements", {
              entityA: entity.id,
              entityB: other,
              verdict,
              note: note.trim() || undefined,
            }),
          )
        }
      >
        {t("intel.saveJudgement")}
      </RunButton>
    </Stack>
  );
}
