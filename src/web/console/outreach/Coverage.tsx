// Outreach coverage for a period: villages never reached or not reached in 90 days, people reached
// per village and per 1,000 residents, per agency and per volunteer; XLSX export of the same.
import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { formatDate, formatNumber } from "../../lib/format";
import { Link } from "../../lib/router";
import type { Me } from "../../lib/types";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { type Coverage as CoverageData, villagePath } from "../villages/types";
import { PageHeader } from "../PageHeader";
import { SimpleTable } from "../SimpleTable";
import { ErrorAlert } from "../FormErrorAlert";

type Show = "all" | "never" | "stale";

export function Coverage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t("coverage.title"));
  const [draft, setDraft] = useState({ from: "", to: "" });
  const [applied, setApplied] = useState({ from: "", to: "" });
  const [show, setShow] = useState<Show>("all");
  const data = useResource<CoverageData>(`/api/outreach/coverage${query(applied)}`);
  const villages = (data.data?.villages ?? []).filter((v) => show === "all" || (show === "never" ? v.neverReached : v.notReachedRecently));

  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied({ ...draft });
  }

  const summary = data.data?.summary;
  return (
    <Stack>
      <PageHeader title={t("coverage.title")} lead={t("coverage.lead")} />
      <form onSubmit={submit} aria-label={t("coverage.period")}>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t("outreach.from")}
            value={draft.from}
            onChange={(e) => {
              const from = e.currentTarget.value;
              setDraft((previous) => ({ ...previous, from }));
            }}
          />
          <TextInput
            type="date"
            label={t("outreach.to")}
            value={draft.to}
            onChange={(e) => {
              const to = e.currentTarget.value;
              setDraft((previous) => ({ ...previous, to }));
            }}
          />
          <Button type="submit">{t("audit.apply")}</Button>
          {me.abilities.exportOutreach && (
            <Button component="a" href={`/api/outreach/export.xlsx${query(applied)}`} download variant="default">
              {t("coverage.export")}
            </Button>
          )}
        </Group>
      </form>
      <ErrorAlert error={data.error} />
      {summary && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          {(
            [
              ["desa", summary.desa],
              ["reachedInPeriod", summary.reachedInPeriod],
              ["neverReached", summary.neverReached],
              ["notReachedRecently", summary.notReachedRecently],
              ["sessions", summary.sessions],
              ["peopleReached", summary.peopleReached],
            ] as const
          ).map(([key, value]) => (
            <Paper key={key} withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t(`coverage.summary.${key}`)}
              </Text>
              <Text fw={700} size="xl">
                {formatNumber(value)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}

      <Title order={2} size="h3">
        {t("coverage.villages")}
      </Title>
      <SegmentedControl
        aria-label={t("coverage.show")}
        value={show}
        onChange={(value) => setShow(value as Show)}
        data={[
          { value: "all", label: t("coverage.showAll") },
          { value: "never", label: t("coverage.showNever") },
          { value: "stale", label: t("coverage.showStale") },
        ]}
      />
      <SimpleTable
        minWidth={720}
        verticalSpacing="xs"
        striped
        headers={[
          t("outreach.desa"),
          t("outreach.kecamatan"),
          t("coverage.sessions"),
          t("coverage.people"),
          t("coverage.per1000"),
          t("coverage.last"),
        ]}
      >
        {villages.map((v) => (
          <Table.Tr key={v.code}>
            <Table.Td>
              {me.abilities.viewVillages ? (
                <Text component={Link} href={villagePath(v.code)} size="sm" c="teal.9">
                  {v.name}
                </Text>
              ) : (
                v.name
              )}
            </Table.Td>
            <Table.Td>{v.kecamatanName}</Table.Td>
            <Table.Td>{formatNumber(v.sessions)}</Table.Td>
            <Table.Td>{formatNumber(v.peopleReached)}</Table.Td>
            <Table.Td>{v.per1000 === null ? "–" : formatNumber(Math.round(v.per1000 * 10) / 10)}</Table.Td>
            <Table.Td>
              {v.neverReached ? (
                <Badge color="red">{t("coverage.never")}</Badge>
              ) : (
                <>
                  {formatDate(v.lastSessionAt)}
                  {v.notReachedRecently && (
                    <Badge ml={4} color="orange">
                      {t("coverage.stale", { n: v.daysSinceLast ?? 0 })}
                    </Badge>
                  )}
                </>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
        {data.data && villages.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={6}>{t("coverage.none")}</Table.Td>
          </Table.Tr>
        )}
      </SimpleTable>

      <Title order={2} size="h3">
        {t("coverage.byAgency")}
      </Title>
      <SimpleTable
        minWidth={480}
        verticalSpacing="xs"
        headers={[t("outreach.agency"), t("coverage.sessions"), t("coverage.people"), t("coverage.desaReached")]}
      >
        {(data.data?.byAgency ?? []).map((row) => (
          <Table.Tr key={row.id ?? row.name}>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td>{formatNumber(row.sessions)}</Table.Td>
            <Table.Td>{formatNumber(row.peopleReached)}</Table.Td>
            <Table.Td>{formatNumber(row.desaReached)}</Table.Td>
          </Table.Tr>
        ))}
      </SimpleTable>

      <Title order={2} size="h3">
        {t("coverage.byVolunteer")}
      </Title>
      <SimpleTable
        minWidth={560}
        verticalSpacing="xs"
        headers={[t("coverage.volunteer"), t("coverage.sessions"), t("coverage.people"), t("coverage.desaReached"), t("coverage.last")]}
      >
        {(data.data?.byVolunteer ?? []).map((row) => (
          <Table.Tr key={row.userId}>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td>{formatNumber(row.sessions)}</Table.Td>
            <Table.Td>{formatNumber(row.peopleReached)}</Table.Td>
            <Table.Td>{formatNumber(row.desaReached)}</Table.Td>
            <Table.Td>{formatDate(row.lastSessionAt)}</Table.Td>
          </Table.Tr>
        ))}
      </SimpleTable>
      {data.loading && <Text role="status">{t("common.loading")}</Text>}
    </Stack>
  );
}
