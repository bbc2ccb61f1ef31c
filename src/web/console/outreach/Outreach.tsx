// Outreach (sosialisasi) sessions: the sessions waiting on this device, the list with filters
// (kecamatan, desa, agency, period) and a month calendar. Volunteers see only their own sessions
// (the server decides); staff see the sessions in their jurisdiction.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { formatDateTime, formatNumber } from "../../lib/format";
import { Link, useLocation } from "../../lib/router";
import type { Agency, Me } from "../../lib/types";
import { FilterBar, filtersFromSearch, usePagedFilters } from "../FilterBar";
import { withinJurisdiction } from "../jurisdiction";
import { type Column, pageParams, type Page, PagedList } from "../ListTable";
import { useResource } from "../hooks";
import { useFullScreenModal } from "../useFullScreenModal";
import { usePageTitle } from "../usePageTitle";
import { COVERAGE_PATH, OUTREACH_NEW_PATH, outreachSessionPath, type SessionView, villagePath } from "../villages/types";
import { MonthCalendar } from "./Calendar";
import { useDesaOf, useKecamatanList } from "./desaOptions";
import { fixSessionPath } from "./NewSession";
import { outbox, useOutbox } from "./outbox";
import { SessionPhotos } from "./SessionPhotos";
import { flushOutbox } from "./sync";
import "./outreach.css";
import { PageHeader } from "../PageHeader";

interface Filters {
  kecamatan: string;
  desa: string;
  agencyId: string;
  from: string;
  to: string;
  status: string;
  /** "true": only the sessions I recorded. */
  mine: string;
}
const EMPTY: Filters = { kecamatan: "", desa: "", agencyId: "", from: "", to: "", status: "", mine: "" };
const STATUSES = ["planned", "held", "cancelled"] as const;
const PAGE = 50;

function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === "undefined" ? true : navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

export function PendingSessions({ me, onSent }: { me: Me; onSent?: () => void }) {
  const { t } = useTranslation();
  const pending = useOutbox(me.id);
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  if (pending.length === 0) return null;
  const waiting = pending.filter((item) => !item.rejected);
  return (
    <Paper
      withBorder
      p="md"
      className="outreach-pending"
      data-testid="outbox"
      role="region"
      aria-label={t("outreach.pending.title", { n: pending.length })}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("outreach.pending.title", { n: pending.length })}
          </Title>
          <Badge color={online ? "teal" : "orange"}>{online ? t("outreach.pending.online") : t("outreach.pending.offline")}</Badge>
        </Group>
        <Text size="sm">{t("outreach.pending.lead")}</Text>
        {pending.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap" data-testid="pending-session">
            <div>
              <Text size="sm" fw={600}>
                {item.desaName} · {formatDateTime(`${item.body.startsAt}:00+07:00`)}
              </Text>
              {item.rejected ? (
                <Text size="xs" c="red">
                  {t("outreach.pending.rejected", { reason: item.rejected })}
                </Text>
              ) : (
                <Text size="xs" c="dimmed">
                  {item.attempts > 0 ? t("outreach.pending.attempts", { n: item.attempts }) : t("outreach.pending.notYet")}
                </Text>
              )}
            </div>
            {item.rejected && (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" component={Link} href={fixSessionPath(item.id)}>
                  {t("outreach.pending.fix")}
                </Button>
                <Button size="xs" variant="default" color="red" onClick={() => outbox.remove(item.id)}>
                  {t("outreach.pending.discard")}
                </Button>
              </Group>
            )}
          </Group>
        ))}
        {waiting.length > 0 && (
          <Group>
            <Button
              size="md"
              loading={busy}
              disabled={!online}
              onClick={async () => {
                setBusy(true);
                try {
                  const sent = await flushOutbox(me.id);
                  if (sent > 0) onSent?.();
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t("outreach.pending.sendNow")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function Outreach({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t("outreach.title"));
  const { search } = useLocation();
  const filters = usePagedFilters<Filters>(EMPTY, undefined, filtersFromSearch(EMPTY, search));
  const { draft, applied, set, offset, setOffset } = filters;
  const [view, setView] = useState<"list" | "calendar">("list");
  const kecamatanList = useKecamatanList(true, me.jurisdiction);
  const desaList = useDesaOf(draft.kecamatan || null).filter((region) => withinJurisdiction(region.code, me.jurisdiction));
  const agencies = useResource<{ items: Agency[] }>(me.abilities.viewCoverage ? "/api/admin/agencies" : null);
  const list = useResource<Page<SessionView>>(`/api/outreach/sessions${query({ ...applied, ...pageParams(offset, PAGE) })}`);
  const pending = useOutbox(me.id);
  const [photosOf, setPhotosOf] = useState<string | null>(null);
  const fullScreen = useFullScreenModal();

  // A pending session that left the outbox was accepted by the server: show it in the list.
  const previousPending = useRef(pending.length);
  const { reload } = list;
  useEffect(() => {
    if (pending.length < previousPending.current) reload();
    previousPending.current = pending.length;
  }, [pending.length, reload]);

  const items = list.data?.items ?? [];
  const columns: Column<SessionView>[] = [
    {
      header: t("outreach.when"),
      title: true,
      nowrap: true,
      cell: (item) => (
        <>
          {item.abilities.update ? (
            <Text
              component={Link}
              href={outreachSessionPath(item.id)}
              size="sm"
              fw={600}
              c="teal.9"
              aria-label={t("outreach.editSession", { when: formatDateTime(item.startsAt), desa: item.desaName })}
            >
              {formatDateTime(item.startsAt)}
            </Text>
          ) : (
            formatDateTime(item.startsAt)
          )}
          {item.status !== "held" && (
            <Badge ml={4} size="sm" color={item.status === "cancelled" ? "gray" : "blue"}>
              {t(`outreach.status.${item.status}`)}
            </Badge>
          )}
        </>
      ),
    },
    {
      header: t("outreach.desa"),
      cell: (item) => (
        <>
          {me.abilities.viewVillages ? (
            <Text component={Link} href={villagePath(item.desaCode)} size="sm" c="teal.9">
              {item.desaName}
            </Text>
          ) : (
            <Text size="sm">{item.desaName}</Text>
          )}
          <Text size="xs" c="dimmed">
            {item.kecamatanName}
            {item.venue ? ` · ${item.venue}` : ""}
          </Text>
        </>
      ),
    },
    { header: t("outreach.agency"), cell: (item) => item.organiser?.name ?? "–" },
    {
      header: t("outreach.attendance"),
      cell: (item) =>
        t("outreach.attendanceTotals", {
          total: formatNumber(item.attendanceTotals.total),
          female: formatNumber(item.attendanceTotals.female),
          male: formatNumber(item.attendanceTotals.male),
        }),
    },
    { header: t("outreach.recordedBy"), cell: (item) => item.recordedBy.displayName },
    {
      header: t("outreach.photos.column"),
      cell: (item) => (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setPhotosOf(item.id)}
          aria-label={t("outreach.photos.openLabel", { desa: item.desaName, n: item.photos.length })}
        >
          {t("outreach.photos.open", { n: item.photos.length })}
        </Button>
      ),
    },
  ];
  const notice = search.get("terkirim")
    ? t("outreach.sent")
    : search.get("diubah")
      ? t("outreach.changed")
      : search.get("tersimpan")
        ? t("outreach.keptOnDevice")
        : null;
  const photoNotice = search.get("fotoGagal")
    ? t("outreach.photos.someFailed", { n: search.get("fotoGagal") })
    : search.get("fotoTertinggal")
      ? t("outreach.photos.leftBehind")
      : null;
  const photoSession = items.find((item) => item.id === photosOf);

  return (
    <Stack>
      <PageHeader title={t("outreach.title")} lead={me.abilities.viewCoverage ? t("outreach.leadStaff") : t("outreach.leadVolunteer")} />
      <Group>
        <Button component={Link} href={OUTREACH_NEW_PATH} size="lg">
          {t("outreach.record")}
        </Button>
        {me.abilities.viewCoverage && (
          <Button component={Link} href={COVERAGE_PATH} variant="default" size="lg">
            {t("nav.coverage")}
          </Button>
        )}
      </Group>
      {notice && (
        <Alert color={search.get("tersimpan") ? "orange" : "teal"} role="status">
          {notice}
        </Alert>
      )}
      {photoNotice && (
        <Alert color="orange" role="status">
          {photoNotice}
        </Alert>
      )}
      <PendingSessions me={me} onSent={list.reload} />

      <FilterBar
        label={t("outreach.filters")}
        cols={{ base: 1, xs: 2, md: 5 }}
        filters={filters}
        trailing={
          <SegmentedControl
            aria-label={t("outreach.view")}
            value={view}
            onChange={(value) => setView(value as "list" | "calendar")}
            data={[
              { value: "list", label: t("outreach.viewList") },
              { value: "calendar", label: t("outreach.viewCalendar") },
            ]}
          />
        }
      >
        <NativeSelect
          label={t("outreach.kecamatan")}
          value={draft.kecamatan}
          onChange={(e) => {
            const kecamatan = e.currentTarget.value;
            filters.setDraft((previous) => ({ ...previous, kecamatan, desa: "" }));
          }}
          data={[{ value: "", label: t("outreach.any") }, ...kecamatanList.map((region) => ({ value: region.code, label: region.name }))]}
        />
        <NativeSelect
          label={t("outreach.desa")}
          value={draft.desa}
          disabled={!draft.kecamatan}
          onChange={(e) => set("desa")(e.currentTarget.value)}
          data={[{ value: "", label: t("outreach.any") }, ...desaList.map((region) => ({ value: region.code, label: region.name }))]}
        />
        {agencies.data && (
          <NativeSelect
            label={t("outreach.agency")}
            value={draft.agencyId}
            onChange={(e) => set("agencyId")(e.currentTarget.value)}
            data={[
              { value: "", label: t("outreach.any") },
              ...agencies.data.items.map((agency) => ({ value: agency.id, label: agency.name })),
            ]}
          />
        )}
        <TextInput type="date" label={t("outreach.from")} value={draft.from} onChange={(e) => set("from")(e.currentTarget.value)} />
        <TextInput type="date" label={t("outreach.to")} value={draft.to} onChange={(e) => set("to")(e.currentTarget.value)} />
        <NativeSelect
          label={t("outreach.statusLabel")}
          value={draft.status}
          onChange={(e) => set("status")(e.currentTarget.value)}
          data={[{ value: "", label: t("outreach.any") }, ...STATUSES.map((value) => ({ value, label: t(`outreach.status.${value}`) }))]}
        />
        <Checkbox
          label={t("outreach.mineOnly")}
          checked={draft.mine === "true"}
          onChange={(e) => set("mine")(e.currentTarget.checked ? "true" : "")}
        />
      </FilterBar>

      {view === "calendar" ? (
        <MonthCalendar filters={applied} />
      ) : (
        <PagedList
          list={list}
          count={(n) => t("outreach.count", { n: formatNumber(n) })}
          countTestId="session-count"
          offset={offset}
          pageSize={PAGE}
          onPage={setOffset}
          columns={columns}
          rowKey={(item) => item.id}
          rowProps={() => ({ "data-testid": "session-row" })}
          minWidth={640}
          label={t("outreach.title")}
          empty={t("outreach.empty")}
        />
      )}
      <Modal
        opened={photoSession !== undefined}
        onClose={() => setPhotosOf(null)}
        fullScreen={fullScreen}
        title={photoSession ? t("outreach.photos.title", { desa: photoSession.desaName, when: formatDateTime(photoSession.startsAt) }) : ""}
      >
        {photoSession && <SessionPhotos session={photoSession} onChange={list.reload} />}
      </Modal>
    </Stack>
  );
}
