// In-app notifications (overdue reports and cases, forwarded reports, referrals) as a bell in the header;
// choosing one marks it read and opens its record.
import { ActionIcon, Badge, Menu, Text } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { CASES_PATH, REFERRALS_PATH } from "../../lib/cases";
import { formatDateTime } from "../../lib/format";
import type { Notification } from "../../lib/reports";
import { navigate } from "../../lib/router";
import { REPORTS_PATH } from "./Reports";

const POLL_MS = 60_000;

/** Where a notification leads: its report, its case, or the referral inbox (a referral's case opens only once accepted). */
export function notificationTarget(item: Pick<Notification, "resourceType" | "resourceId">): string | null {
  if (!item.resourceId) return null;
  if (item.resourceType === "report") return `${REPORTS_PATH}/${item.resourceId}`;
  if (item.resourceType === "case") return `${CASES_PATH}/${item.resourceId}`;
  if (item.resourceType === "referral") return REFERRALS_PATH;
  return null;
}

export function NotificationBell() {
  const { t } = useTranslation();
  const [data, setData] = useState<{ unread: number; items: Notification[] } | null>(null);

  const load = useCallback(() => {
    api
      .get<{ unread: number; items: Notification[] }>("/api/notifications")
      .then(setData)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  async function open(item: Notification) {
    if (!item.readAt) {
      await api.post(`/api/notifications/${item.id}/read`).catch(() => undefined);
      load();
    }
    const target = notificationTarget(item);
    if (target) navigate(target);
  }

  const unread = data?.unread ?? 0;
  const label = unread > 0 ? t("notifications.labelUnread", { n: unread }) : t("notifications.label");
  return (
    <Menu position="bottom-end" withinPortal width={320} onOpen={load}>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={label} title={label} pos="relative">
          <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {unread > 0 && (
            <Badge size="xs" color="red" variant="filled" pos="absolute" top={-2} right={-4} px={4}>
              {unread > 99 ? "99+" : unread}
            </Badge>
          )}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("notifications.title")}</Menu.Label>
        {(data?.items ?? []).length === 0 && (
          <Text size="sm" px="sm" py="xs" c="dimmed">
            {t("notifications.empty")}
          </Text>
        )}
        {(data?.items ?? []).slice(0, 20).map((item) => (
          <Menu.Item key={item.id} onClick={() => void open(item)}>
            <Text size="sm" fw={item.readAt ? 400 : 700}>
              {item.title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {item.body}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(item.createdAt)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
