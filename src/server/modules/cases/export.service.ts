// HTCDS exports of one case or of every case the caller may see; each export is audited in its own
// transaction with the case ids and whether identity fields were included.
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { casePolicy } from "./cases.policy";
import { accessTo, caseScopeSql, findCase, listCases } from "./cases.repo";
import { type HtcdsCase, HTCDS_CREDIT, htcdsCase, htcdsCsv } from "./htcds";

export const EXPORT_LIMIT = 1000;

export type HtcdsExport = { standard: string; credit: string; generatedAt: string; identityIncluded: boolean; cases: HtcdsCase[] };

export async function exportCases(
  ctx: AppContext,
  p: Principal,
  actor: AuditActor,
  opts: { caseId?: string; status?: string; format: "json" | "csv" },
  now = new Date(),
): Promise<{ json?: HtcdsExport; csv?: string }> {
  return ctx.withAudit(
    actor,
    (r: { ids: string[]; identity: boolean }) => ({
      action: "case.export",
      resourceType: "case",
      ...(opts.caseId ? { resourceId: opts.caseId } : {}),
      details: { format: opts.format, standard: "HTCDS 2.0", cases: r.ids, identity: r.identity },
    }),
    async (tx) => {
      const rows = opts.caseId
        ? await findCase(tx, p.tenant, opts.caseId).then((c) => (c ? [{ c }] : []))
        : await listCases(tx, caseScopeSql(p), { status: opts.status, limit: EXPORT_LIMIT, offset: 0 }, now);
      const items: HtcdsCase[] = [];
      const ids: string[] = [];
      let identity = false;
      for (const { c } of rows) {
        const a = await accessTo(tx, p, c);
        if (!a) continue;
        identity ||= casePolicy.can(p, "readIdentity", a);
        items.push(await htcdsCase(ctx, tx, p, c, a));
        ids.push(c.id);
      }
      if (opts.caseId && items.length === 0) throw notFound();
      return { ids, identity, items };
    },
  ).then((r) =>
    opts.format === "csv"
      ? { csv: htcdsCsv(r.items, r.identity) }
      : { json: { standard: "HTCDS 2.0", credit: HTCDS_CREDIT, generatedAt: now.toISOString(), identityIncluded: r.identity, cases: r.items } },
  );
}
