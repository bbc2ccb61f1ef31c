import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReportStatus } from "../../lib/reports";

const COLOURS: Record<ReportStatus, string> = {
  received: "blue",
  verified: "cyan",
  forwarded: "violet",
  in_handling: "orange",
  closed: "gray",
  rejected: "red",
};

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`reportStatus.statuses.${status}`)}
    </Badge>
  );
}
