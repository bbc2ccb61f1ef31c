// The console home's sections (GET /api/dashboard): which ones appear is the server's decision (the answer
// holds only the caller's sections). Every number is a link to the list it counts, with the same filters.
import { Alert, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { type Dashboard, type Figure, figureHref } from "../../lib/dashboard";
import { errorMessage } from "../../lib/errors";
import { formatDate, formatNumber } from "../../lib/format";
import { Link } from "../../lib/router";
import type { Me } from "../../lib/types";
import { useResource } from "../hooks";
import type { Bar } from "./BarFigures";

// ECharts comes with these chunks, fetched only when a section with a chart is on screen.
const BarFigures = lazy(() => import("./BarFigures"));
const RiskMap = lazy(() => import("./RiskMap"));

const RED = "#c92a2a";
const RISK_COLOURS: Record<string, string> = { high: RED, medium: "#f59f00", low: "#2f9e44", unknown: "#adb5bd" };
const FUNNEL = ["received", "verified", "forwarded", "in_handling", "closed", "rejected"] as const;

function FigureTile({ label, figure, alert }: { label: string; figure: Figure; alert?: boolean }) {
  const danger = alert && figure.value > 0;
  return (
    <Paper
      component={Link}
      href={figureHref(figure)}
      withBorder
      p="sm"
      className="dashboard-figure"
      data-testid="dashboard-figure"
      style={{ textDecoration: "none", color: "inherit", borderColor: danger ? RED : undefined }}
    >
      <Text fz={26} fw={700} lh={1.1} c={danger ? "red.8" : "teal.9"}>
        {formatNumber(figure.value)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

function Tiles({ children }: { children: ReactNode }) {
  return <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>{children}</SimpleGrid>;
}

function Section({ title, lead, children, testId }: { title: string; lead?: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {lead && (
            <Text size="sm" c="dimmed">
              {lead}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function Chart({ bars, label }: { bars: Bar[]; label: string }) {
  if (bars.every((bar) => bar.value === 0)) return null;
  return (
    <Suspense fallback={<Loader size="sm" />}>
      <BarFigures bars={bars} label={label} />
    </Suspense>
  );
}

const bar = (label: string, figure: Figure, colour?: string): Bar => ({ label, value: figure.value, href: figureHref(figure), colour });

function Reports({ data, inbox }: { data: NonNullable<Dashboard["reports"]>; inbox: boolean }) {
  const { t } = useTranslation();
  const label = (status: (typeof FUNNEL)[number]) => t(`reports.statusFilter.${status}`);
  return (
    <Section
      title={inbox ? t("dashboard.inboxTitle") : t("dashboard.reportsTitle")}
      lead={inbox ? t("dashboard.inboxLead") : t("dashboard.reportsLead")}
      testId={inbox ? "dashboard-inbox" : "dashboard-reports"}
    >
      <Tiles>
        <FigureTile label={t("dashboard.overdueReports")} figure={data.overdue} alert />
        <FigureTile label={t("reports.statusFilter.open")} figure={data.open} />
        {(inbox ? (["forwarded", "in_handling"] as const) : (["received", "verified", "forwarded", "in_handling"] as const)).map((s) => (
          <FigureTile key={s} label={label(s)} figure={data.byStatus[s]} />
        ))}
      </Tiles>
      {!inbox && <Chart label={t("dashboard.funnelChart")} bars={FUNNEL.map((s) => bar(label(s), data.byStatus[s]))} />}
    </Section>
  );
}

function Cases({ data }: { data: NonNullable<Dashboard["cases"]> }) {
  const { t } = useTranslation();
  const trafficking = ["potential", "presumed", "confirmed", "not_victim"] as const;
  return (
    <Section title={t("dashboard.casesTitle")} lead={t("dashboard.casesLead")} testId="dashboard-cases">
      <Tiles>
        <FigureTile label={t("dashboard.overdueReferrals")} figure={data.overdueReferrals} alert />
        <FigureTile label={t("dashboard.overdueServices")} figure={data.overdueServices} alert />
        <FigureTile label={t("dashboard.casesTotal")} figure={data.total} />
        {(["open", "under_assessment", "active", "closed"] as const).map((s) => (
          <FigureTile key={s} label={t(`cases.status.${s}`)} figure={data.byStatus[s]} />
        ))}
      </Tiles>
      <Text size="sm" fw={600}>
        {t("dashboard.outcomes")}
      </Text>
      <Tiles>
        {trafficking.map((s) => (
          <FigureTile key={s} label={t(`cases.trafficking.${s}`)} figure={data.byTraffickingStatus[s]} />
        ))}
      </Tiles>
      <Chart label={t("dashboard.outcomes")} bars={trafficking.map((s) => bar(t(`cases.trafficking.${s}`), data.byTraffickingStatus[s]))} />
    </Section>
  );
}

function Villages({ data, map }: { data: NonNullable<Dashboard["villages"]>; map: boolean }) {
  const { t } = useTranslation();
  const risks = ["high", "medium", "low", "unknown"] as const;
  return (
    <Section title={t("dashboard.villagesTitle")} lead={t("dashboard.villagesLead")} testId="dashboard-villages">
      <Tiles>
        <FigureTile label={t("dashboard.neverReached")} figure={data.neverReached} alert />
        <FigureTile label={t("dashboard.notReachedRecently")} figure={data.notReachedRecently} />
        <FigureTile label={t("dashboard.desa")} figure={data.desa} />
        {(["active", "candidate"] as const).map((s) => (
          <FigureTile key={s} label={t(`villages.programStatus.${s}`)} figure={data.byStatus[s]} />
        ))}
      </Tiles>
      <Text size="sm" fw={600}>
        {t("villages.riskLevel")}
      </Text>
      <Tiles>
        {risks.map((r) => (
          <FigureTile key={r} label={t(`villages.risk.${r}`)} figure={data.byRisk[r]} alert={r === "high"} />
        ))}
      </Tiles>
      {map ? (
        <Suspense fallback={<Loader size="sm" />}>
          <RiskMap />
        </Suspense>
      ) : (
        <Chart label={t("villages.riskLevel")} bars={risks.map((r) => bar(t(`villages.risk.${r}`), data.byRisk[r], RISK_COLOURS[r]))} />
      )}
    </Section>
  );
}

function Sessions({ data, mine }: { data: NonNullable<Dashboard["outreach"]>; mine: boolean }) {
  const { t } = useTranslation();
  const period = t("dashboard.period", { from: formatDate(data.period.from), to: formatDate(data.period.to) });
  return (
    <Section
      title={mine ? t("dashboard.mySessionsTitle") : t("dashboard.outreachTitle")}
      lead={period}
      testId={mine ? "dashboard-my-sessions" : "dashboard-outreach"}
    >
      <Tiles>
        <FigureTile label={t("outreach.status.held")} figure={data.byStatus.held} />
        <FigureTile label={t("dashboard.peopleReached")} figure={data.peopleReached} />
        <FigureTile label={t("outreach.status.planned")} figure={data.byStatus.planned} />
        <FigureTile label={t("outreach.status.cancelled")} figure={data.byStatus.cancelled} />
      </Tiles>
    </Section>
  );
}

function ActionItems({ data }: { data: NonNullable<Dashboard["actionItems"]> }) {
  const { t } = useTranslation();
  return (
    <Section title={t("dashboard.actionItemsTitle")} lead={t("dashboard.actionItemsLead")} testId="dashboard-action-items">
      <Tiles>
        <FigureTile label={t("dashboard.overdueActionItems")} figure={data.overdue} alert />
        <FigureTile label={t("coordination.status.open")} figure={data.byStatus.open} />
        <FigureTile label={t("coordination.status.in_progress")} figure={data.byStatus.in_progress} />
        <FigureTile label={t("coordination.status.done")} figure={data.byStatus.done} />
      </Tiles>
    </Section>
  );
}

export function DashboardSections({ me }: { me: Me }) {
  const { t } = useTranslation();
  const dashboard = useResource<Dashboard>("/api/dashboard");
  const d = dashboard.data;
  if (dashboard.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(dashboard.error)}
      </Alert>
    );
  if (!d) return <Loader aria-label={t("common.loading")} />;
  return (
    <Stack>
      {d.reports && <Reports data={d.reports} inbox={false} />}
      {d.inbox && <Reports data={d.inbox} inbox />}
      {d.actionItems && <ActionItems data={d.actionItems} />}
      {d.cases && <Cases data={d.cases} />}
      {d.villages && <Villages data={d.villages} map={me.abilities.viewVillageMap === true} />}
      {d.outreach && <Sessions data={d.outreach} mine={false} />}
      {d.mySessions && <Sessions data={d.mySessions} mine />}
    </Stack>
  );
}
