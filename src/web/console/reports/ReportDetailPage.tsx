// One report for staff: its content, the people and contacts the API lets this user see,
// attachments, linked reports, forwards with their deadlines, the timeline, and the handling steps.
import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import type { ReportDetail } from "../../lib/reports";
import { Link } from "../../lib/router";
import { useRegionNames, useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { CASES_PATH } from "../../lib/cases";
import { ActionButtons } from "./ReportActions";
import { REPORTS_PATH } from "./Reports";
import { StatusBadge } from "./StatusBadge";
import { ToCaseButton } from "./ToCase";
import "./reports.css";
import { LoadFailed, PageHeader } from "../PageHeader";
import { Panel } from "../Panel";
import { SimpleTable } from "../SimpleTable";

export function ReportDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const resource = useResource<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`);
  const [report, setReport] = useState<ReportDetail | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setReport(resource.data), [resource.data]);
  usePageTitle(report ? t("reports.detailTitle", { code: report.trackingCode }) : t("nav.reports"));
  const names = useRegionNames(report?.regionCode ? [report.regionCode, ...(report.kecamatanCode ? [report.kecamatanCode] : [])] : []);

  if (resource.error) {
    return <LoadFailed title={t("nav.reports")} error={resource.error} backHref={REPORTS_PATH} backLabel={t("reports.back")} />;
  }
  if (!report) return <Loader aria-label={t("common.loading")} />;

  const place = report.regionCode
    ? [names[report.regionCode], report.kecamatanCode && report.kecamatanCode !== report.regionCode ? names[report.kecamatanCode] : null]
        .filter(Boolean)
        .join(", ") || report.regionCode
    : (report.placeText ?? "–");

  return (
    <Stack>
      <PageHeader
        back={{ href: REPORTS_PATH, label: t("reports.back") }}
        title={t("reports.detailTitle", { code: report.trackingCode })}
        badges={
          <>
            <StatusBadge status={report.status} />
            <Badge variant="outline" color="gray">
              {t(`report.category.${report.category}.label`)}
            </Badge>
            {report.overdue && (
              <Badge color="red" variant="filled">
                {t("reports.overdue")}
              </Badge>
            )}
            {report.outcome && <Badge color="gray">{t(`reportStatus.outcomes.${report.outcome}`)}</Badge>}
          </>
        }
        actions={
          <Group gap="xs">
            <ActionButtons
              report={report}
              onDone={(updated) => {
                setReport(updated);
                setDone(t("reports.saved"));
              }}
            />
            <ToCaseButton
              report={report}
              onDone={(updated) => {
                setReport(updated);
                setDone(t("reports.saved"));
              }}
            />
          </Group>
        }
      />
      {done && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Fact label={t("reports.received")}>{formatDateTime(report.receivedAt)}</Fact>
        <Fact label={t("reports.verifyDue")}>
          {report.verifiedAt ? t("reports.verifiedAt", { at: formatDateTime(report.verifiedAt) }) : formatDateTime(report.verifyDueAt)}
        </Fact>
        <Fact label={t("reports.place")}>{place}</Fact>
        <Fact label={t("reports.when")}>
          {[report.occurredOn ? formatDate(`${report.occurredOn}T12:00:00+07:00`) : null, report.occurredText]
            .filter(Boolean)
            .join(" · ") || "–"}
        </Fact>
      </SimpleGrid>

      {report.caseId && (
        <Alert color="blue" variant="light">
          {t("reports.caseLinked")}{" "}
          <Anchor component={Link} href={`${CASES_PATH}/${report.caseId}`}>
            {t("reports.openCase")}
          </Anchor>
        </Alert>
      )}

      <Panel title={t("reports.description")}>
        <Text className="konsol-report-text">{report.description}</Text>
      </Panel>

      {report.offerText && (
        <Panel title={t("reports.offerText")}>
          <Text className="konsol-report-text" size="sm">
            {report.offerText}
          </Text>
        </Panel>
      )}

      <Panel title={t("reports.reporter")}>
        {report.anonymous ? (
          <Text>{t("reports.anonymous")}</Text>
        ) : report.reporter ? (
          <Text>
            {[report.reporter.name, report.reporter.phone, report.reporter.email, report.reporter.relation].filter(Boolean).join(" · ")}
          </Text>
        ) : (
          <Text c="dimmed">{t("reports.reporterHidden")}</Text>
        )}
      </Panel>

      <Panel title={t("reports.people")}>
        {report.people.length === 0 ? (
          <Text c="dimmed">{t("reports.noPeople")}</Text>
        ) : (
          <SimpleTable
            minWidth={640}
            verticalSpacing="xs"
            headers={[
              t("report.people.name"),
              t("report.people.role"),
              t("report.people.phones"),
              t("report.people.handles"),
              t("report.people.companies"),
              t("report.people.bankAccounts"),
            ]}
          >
            {report.people.map((person, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: people have no ids; the list is fixed per report
              <Table.Tr key={index}>
                <Table.Td>{person.name ?? "–"}</Table.Td>
                <Table.Td>{person.role ? t(`report.people.roles.${person.role}`, { defaultValue: person.role }) : "–"}</Table.Td>
                <Table.Td>{person.phones.join(", ") || "–"}</Table.Td>
                <Table.Td>{person.handles.join(", ") || "–"}</Table.Td>
                <Table.Td>{person.companies.join("; ") || "–"}</Table.Td>
                <Table.Td>{person.bankAccounts.join(", ") || "–"}</Table.Td>
              </Table.Tr>
            ))}
          </SimpleTable>
        )}
      </Panel>

      {report.attachmentList.length > 0 && (
        <Panel title={t("reports.attachments", { n: report.attachmentList.length })}>
          <Stack gap={4}>
            {report.attachmentList.map((file, index) => (
              <Group key={file.id} gap="xs">
                <Anchor href={`/api/reports/${report.id}/attachments/${file.id}`} download>
                  {t("reports.attachment", {
                    n: index + 1,
                    type: file.mediaType === "application/pdf" ? "PDF" : file.mediaType.replace("image/", "").toUpperCase(),
                  })}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatNumber(Math.round(file.size / 1024))} KB
                  {file.stripped.length > 0 ? ` · ${t("reports.stripped", { what: file.stripped.join(", ") })}` : ""}
                </Text>
              </Group>
            ))}
          </Stack>
        </Panel>
      )}

      {report.links.length > 0 && (
        <Panel title={t("reports.links")}>
          <Text size="sm" c="dimmed" mb="xs">
            {t("reports.linksLead")}
          </Text>
          <Stack gap={4}>
            {report.links.map((link) => (
              <Group key={link.reportId} gap="xs">
                <Anchor component={Link} href={`${REPORTS_PATH}/${link.reportId}`} ff="monospace">
                  {link.trackingCode}
                </Anchor>
                <StatusBadge status={link.status} />
                <Text size="sm">{formatDate(link.receivedAt)}</Text>
                <Text size="sm" c="dimmed">
                  {link.sharedKinds.map((kind) => t(`reports.shared.${kind}`)).join(", ")}
                </Text>
              </Group>
            ))}
          </Stack>
        </Panel>
      )}

      {report.forwards.length > 0 && (
        <Panel title={t("reports.forwards")}>
          <SimpleTable
            minWidth={640}
            verticalSpacing="xs"
            headers={[t("reports.agency"), t("reports.actions.forward.instruction"), t("reports.forwardedAt"), t("reports.responseDue")]}
          >
            {report.forwards.map((forward) => (
              <Table.Tr key={forward.id} className={forward.overdue ? "konsol-report-overdue" : undefined}>
                <Table.Td>
                  {forward.agency.name}
                  {forward.shareContact && (
                    <Text size="xs" c="dimmed">
                      {t("reports.contactShared")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="konsol-report-text">{forward.instruction}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(forward.forwardedAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {forward.firstResponseAt ? (
                    t("reports.respondedAt", { at: formatDateTime(forward.firstResponseAt) })
                  ) : (
                    <>
                      {forward.overdue && (
                        <Badge color="red" variant="filled" mr={4}>
                          {t("reports.overdue")}
                        </Badge>
                      )}
                      {formatDateTime(forward.responseDueAt)}
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </SimpleTable>
        </Panel>
      )}

      <Panel title={t("reports.timeline")}>
        <ol className="konsol-report-timeline">
          {report.timeline.map((event) => (
            <li key={event.id} data-kind={event.kind}>
              <Text size="sm" c="dimmed">
                {formatDateTime(event.at)}
                {event.actor ? ` · ${event.actor}` : ""}
                {event.agency ? ` · ${event.agency.name}` : ""}
              </Text>
              <Text fw={600}>{t(`reportStatus.events.${event.kind}`)}</Text>
              <TimelineNote note={event.publicNote} label={t("reports.publicLabel")} color="teal" />
              <TimelineNote note={event.internalNote} label={t("reports.internalLabel")} color="gray" />
            </li>
          ))}
        </ol>
      </Panel>
    </Stack>
  );
}

/** A note of a timeline event under its badge (public or internal), when there is one. */
function TimelineNote({ note, label, color }: { note: string | null | undefined; label: string; color: string }) {
  if (!note) return null;
  return (
    <Text size="sm" className="konsol-report-text">
      <Badge size="xs" variant="light" color={color} mr={6}>
        {label}
      </Badge>
      {note}
    </Text>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Paper>
  );
}
