// Legal holds on cases: set, replaced and released by whoever casePolicy allows ("legalHold"), read by
// the case's audience, each step audited on the case. A held case, its persons and its reports are never
// erased, neither by the retention job nor on request.
import { and, eq, isNull } from "drizzle-orm";
import type { AuditActor, Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { decrypt, encrypt } from "../../lib/crypto";
import { iso } from "../../lib/time";
import { casePolicy } from "../cases/cases.policy";
import { CaseService } from "../cases/cases.service";
import type { LegalHold } from "./retention.schema";
import { legalHolds } from "./retention.tables";

const NONE: LegalHold = { held: false, reason: null, setAt: null, setBy: null };

async function activeHold(tx: Db, caseId: string) {
  const [h] = await tx
    .select({ id: legalHolds.id, reasonEnc: legalHolds.reasonEnc, setAt: legalHolds.setAt, setBy: users.displayName })
    .from(legalHolds)
    .innerJoin(users, eq(users.id, legalHolds.setBy))
    .where(and(eq(legalHolds.caseId, caseId), isNull(legalHolds.releasedAt)));
  return h;
}

export class LegalHoldService {
  private readonly cases: CaseService;
  constructor(readonly ctx: AppContext) {
    this.cases = new CaseService(ctx);
  }

  private present(h: Awaited<ReturnType<typeof activeHold>>, showReason: boolean): LegalHold {
    if (!h) return NONE;
    return { held: true, reason: showReason ? decrypt(this.ctx.keys, h.reasonEnc) : null, setAt: iso(h.setAt), setBy: h.setBy };
  }

  get(p: Principal, actor: AuditActor, caseId: string): Promise<LegalHold> {
    return this.cases.inCase(p, actor, caseId, "case.legal_hold.read", "read", async (tx, _c, a) =>
      this.present(await activeHold(tx, caseId), casePolicy.can(p, "legalHold", a)),
    );
  }

  /** Sets the hold, or replaces the reason of the active one. Allowed on a closed case (that is when it matters). */
  set(p: Principal, actor: AuditActor, caseId: string, reason: string): Promise<LegalHold> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.legal_hold.set",
      "legalHold",
      async (tx, c) => {
        const h = await activeHold(tx, caseId);
        if (h)
          await tx
            .update(legalHolds)
            .set({ reasonEnc: encrypt(this.ctx.keys, reason) })
            .where(eq(legalHolds.id, h.id));
        else await tx.insert(legalHolds).values({ tenant: c.tenant, caseId, reasonEnc: encrypt(this.ctx.keys, reason), setBy: p.id });
        return this.present(await activeHold(tx, caseId), true);
      },
      () => ({}),
      () => true,
    );
  }

  release(p: Principal, actor: AuditActor, caseId: string): Promise<LegalHold> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.legal_hold.release",
      "legalHold",
      async (tx) => {
        await tx
          .update(legalHolds)
          .set({ releasedAt: new Date(), releasedBy: p.id })
          .where(and(eq(legalHolds.caseId, caseId), isNull(legalHolds.releasedAt)));
        return NONE;
      },
      () => ({}),
      () => true,
    );
  }
}
