// Notifications about reports: agency operators are told when a report is forwarded to their agency.
// (Deadline escalations to coordinators are sent by reports.jobs.ts.)
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agencies, users } from "../../db/schema";
import { activeWithRole } from "../../db/users";
import type { AppContext } from "../../context";
import { jakartaDate } from "../../lib/working-days";
import { notify } from "../notifications/notifications.service";
import type { ReportRow } from "./reports.repo";
import { formatTrackingCode } from "./reports.tracking-code";

/**
 * Tells the active operators of each agency that a report was forwarded to it, in-app and by e-mail
 * (outbox) when SMTP is configured. Title and body carry the tracking code and the deadline only:
 * no report content and no instruction travels by e-mail.
 */
export async function notifyForwarded(ctx: AppContext, tx: Db, r: ReportRow, agencyIds: string[], due: Date, now: Date): Promise<void> {
  const operators = await tx
    .select({ id: users.id, email: users.email, agencyName: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(activeWithRole(r.tenant, "agency_operator", agencyIds));
  const code = formatTrackingCode(r.trackingCode);
  const [y, m, d] = jakartaDate(due).split("-");
  await notify(
    ctx,
    tx,
    operators.map((o) => ({
      tenant: r.tenant,
      userId: o.id,
      email: o.email,
      kind: "report.forwarded",
      resourceType: "report",
      resourceId: r.id,
      title: `Laporan ${code} diteruskan ke ${o.agencyName}`,
      body: `Laporan ${code} diteruskan ke ${o.agencyName}. Buka kotak masuk pengaduan di Simpul dan beri tanggapan pertama paling lambat ${d}/${m}/${y} (5 hari kerja).`,
    })),
    now,
  );
}
