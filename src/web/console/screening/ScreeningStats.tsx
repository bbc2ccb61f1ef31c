// Screening statistics: per month (WIB) by final decision, and counts by reason, destination, age band,
// kecamatan and purpose. Counts only; no applicant appears here.
import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Table, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatNumber } from "../../lib/format";
import type { ScreeningStats } from "../../lib/screening";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { useCountryName } from "./parts";
import { PageHeader } from "../PageHeader";

function CountTable({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td>{t("screening.none")}</Table.Td>
            </Table.Tr>
          ) : (
            rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function ScreeningStatsPage() {
  const { t } = useTranslation();
  usePageTitle(t("screening.statsTitle"));
  const country = useCountryName();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const res = useResource<ScreeningStats>(`/api/screenings/stats${query({ from: from || undefined, to: to || undefined })}`);
  const s = res.data;
  const label = (key: string, f: (k: string) => string) => (key === "unknown" ? t("screening.unknown") : f(key));
  return (
    <Stack>
      <PageHeader title={t("screening.statsTitle")} />
      <Group>
        <TextInput type="date" label={t("screening.from")} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t("screening.to")} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {res.error ? <Alert color="red">{errorMessage(res.error)}</Alert> : null}
      {!s ? (
        <Loader aria-label={t("common.loading")} />
      ) : (
        <>
          <Title order={2} size="h4" data-testid="stats-total">
            {t("screening.statsTotal", { n: formatNumber(s.total) })}
          </Title>
          <Paper withBorder p="md">
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("screening.month")}</Table.Th>
                    {(["issue", "postpone", "refuse"] as const).map((d) => (
                      <Table.Th key={d} ta="right">
                        {t(`screening.decisions.${d}`)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t("screening.pending")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byMonth.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{m.month}</Table.Td>
                      <Table.Td ta="right">{formatNumber(m.issue)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(m.postpone)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(m.refuse)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(m.pending)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CountTable
              title={t("screening.byReason")}
              rows={s.byReason.map((r) => ({ label: label(r.key, (k) => t(`screening.reasons.${k}`)), count: r.count }))}
            />
            <CountTable
              title={t("screening.byDestination")}
              rows={s.byDestination.map((r) => ({ label: label(r.key, country), count: r.count }))}
            />
            <CountTable title={t("screening.byAgeBand")} rows={s.byAgeBand.map((r) => ({ label: r.key, count: r.count }))} />
            <CountTable
              title={t("screening.byKecamatan")}
              rows={s.byKecamatan.map((r) => ({ label: r.key === "unknown" ? t("screening.unknown") : r.name || r.key, count: r.count }))}
            />
            <CountTable
              title={t("screening.byPurpose")}
              rows={s.byPurpose.map((r) => ({ label: t(`screening.purposes.${r.key}`), count: r.count }))}
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
