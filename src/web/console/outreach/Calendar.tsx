// A simple month calendar of outreach sessions (dates in WIB), Monday first.
import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { query } from "../../lib/api";
import { Link } from "../../lib/router";
import { useResource } from "../hooks";
import { type CalendarItem, outreachSessionPath } from "../villages/types";
import { ErrorAlert } from "../FormErrorAlert";

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`;

function todayWib(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

export function MonthCalendar({ filters }: { filters: { kecamatan: string; desa: string; agencyId: string } }) {
  const { t, i18n } = useTranslation();
  const today = todayWib();
  const [month, setMonth] = useState(() => ({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) - 1 }));
  const first = new Date(Date.UTC(month.year, month.month, 1));
  const daysInMonth = new Date(Date.UTC(month.year, month.month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const cells = Math.ceil((lead + daysInMonth) / 7) * 7;
  const from = iso(month.year, month.month, 1);
  const to = iso(month.year, month.month, daysInMonth);
  const data = useResource<{ items: CalendarItem[] }>(`/api/outreach/sessions/calendar${query({ from, to })}`);
  const locale = i18n.language === "en" ? "en-GB" : "id-ID";
  const title = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(first);
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  // The calendar route has no place filters: narrow on the client to what the list shows.
  const items = (data.data?.items ?? []).filter(
    (item) =>
      (!filters.desa || item.desaCode === filters.desa) && (!filters.kecamatan || item.desaCode.startsWith(`${filters.kecamatan}.`)),
  );
  const move = (delta: number) =>
    setMonth(({ year, month: m }) => {
      const next = new Date(Date.UTC(year, m + delta, 1));
      return { year: next.getUTCFullYear(), month: next.getUTCMonth() };
    });

  return (
    <Stack gap="xs" data-testid="outreach-calendar">
      <Group justify="space-between">
        <Button variant="default" onClick={() => move(-1)} aria-label={t("outreach.calendar.previous")}>
          ‹
        </Button>
        <Text fw={700} aria-live="polite">
          {title}
        </Text>
        <Button variant="default" onClick={() => move(1)} aria-label={t("outreach.calendar.next")}>
          ›
        </Button>
      </Group>
      <ErrorAlert error={data.error} />
      <table className="outreach-calendar" aria-label={title}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day} scope="col" className="outreach-calendar-head">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: cells / 7 }, (_, week) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: weeks are positions in a fixed grid
            <tr key={week}>
              {Array.from({ length: 7 }, (_, weekday) => {
                const day = week * 7 + weekday - lead + 1;
                const inside = day >= 1 && day <= daysInMonth;
                const date = inside ? iso(month.year, month.month, day) : "";
                const events = inside ? items.filter((item) => item.date === date) : [];
                return (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: days are positions in a fixed grid
                    key={weekday}
                    className="outreach-calendar-day"
                    data-outside={inside ? undefined : "true"}
                    data-today={date === today ? "true" : undefined}
                  >
                    {inside && <span>{day}</span>}
                    {events.map((event) => (
                      <Link
                        key={event.id}
                        href={outreachSessionPath(event.id)}
                        className="outreach-calendar-event"
                        title={`${event.title} (${event.attendanceTotal})`}
                      >
                        {event.title}
                      </Link>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {!data.loading && items.length === 0 && <Text size="sm">{t("outreach.calendar.empty")}</Text>}
      {filters.agencyId ? (
        <Text size="xs" c="dimmed">
          {t("outreach.calendar.agencyNote")}
        </Text>
      ) : null}
    </Stack>
  );
}
