// Monthly and annual reports for coordinators: the stored reports with their PDF and XLSX, and "generate now"
// for a chosen month or year. Shown when the server grants `viewPeriodicReports` (nav.ts); the server decides.
import { Alert, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorMessage, fieldErrors } from "../../lib/errors";
import { formatDateTime, formatFileSize, formatPartialDate, monthNames } from "../../lib/format";
import { useResource } from "../hooks";
import { PageHeader } from "../PageHeader";
import { usePageTitle } from "../usePageTitle";

type Kind = "month" | "year";
interface PeriodicReport {
  id: string;
  kind: Kind;
  period: string;
  generatedAt: string;
  generatedBy: { id: string; name: string } | null;
  pdf: { sha256: string; size: number };
  xlsx: { sha256: string; size: number };
}

/** The last complete month and year in WIB: what a coordinator most often wants. */
function lastPeriods(now = new Date()): { year: number; month: number } {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const m = wib.getUTCMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? { year: wib.getUTCFullYear() - 1, month: 12 } : { year: wib.getUTCFullYear(), month: m };
}

export function PeriodicReports() {
  const { t } = useTranslation();
  usePageTitle(t("periodic.title"));
  const list = useResource<{ items: PeriodicReport[] }>("/api/periodic-reports");
  const last = lastPeriods();
  const thisYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  const [kind, setKind] = useState<Kind>("month");
  const [year, setYear] = useState(String(last.year));
  const [month, setMonth] = useState(String(last.month));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const period = kind === "month" ? `${year}-${month.padStart(2, "0")}` : year;
  const label = (r: { kind: Kind; period: string }) => (r.kind === "month" ? formatPartialDate(r.period) : r.period);

  async function generate() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api.post<PeriodicReport>("/api/periodic-reports", { kind, period });
      setDone(t("periodic.generated", { period: label(r) }));
      list.reload();
    } catch (caught) {
      setError(fieldErrors(caught).period ?? errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <Stack>
      <PageHeader title={t("periodic.title")} lead={t("periodic.lead")} />
      <Group align="end">
        <NativeSelect
          label={t("periodic.kindLabel")}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as Kind)}
          data={[
            { value: "month", label: t("periodic.kind.month") },
            { value: "year", label: t("periodic.kind.year") },
          ]}
        />
        {kind === "month" && (
          <NativeSelect
            label={t("periodic.monthLabel")}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            data={monthNames().map((name, i) => ({ value: String(i + 1), label: name }))}
          />
        )}
        <NativeSelect label={t("periodic.yearLabel")} value={year} onChange={(e) => setYear(e.currentTarget.value)} data={years} />
        <Button onClick={() => void generate()} loading={busy}>
          {t("periodic.generate")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t("periodic.replaceNote")}
      </Text>
      {busy && <Text size="sm">{t("periodic.generating")}</Text>}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      )}
      {list.error ? (
        <Alert color="red" role="alert">
          {errorMessage(list.error)}
        </Alert>
      ) : null}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t("periodic.empty")}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("periodic.period")}</Table.Th>
              <Table.Th>{t("periodic.kindLabel")}</Table.Th>
              <Table.Th>{t("periodic.generatedAt")}</Table.Th>
              <Table.Th>{t("periodic.generatedBy")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{label(r)}</Table.Td>
                <Table.Td>{t(`periodic.kind.${r.kind}`)}</Table.Td>
                <Table.Td>{formatDateTime(r.generatedAt)}</Table.Td>
                <Table.Td>{r.generatedBy?.name ?? t("periodic.scheduler")}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button component="a" size="xs" variant="default" href={`/api/periodic-reports/${r.id}/pdf`} download>
                      {t("periodic.downloadPdf")} ({formatFileSize(r.pdf.size)})
                    </Button>
                    <Button component="a" size="xs" variant="default" href={`/api/periodic-reports/${r.id}/xlsx`} download>
                      {t("periodic.downloadXlsx")} ({formatFileSize(r.xlsx.size)})
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
