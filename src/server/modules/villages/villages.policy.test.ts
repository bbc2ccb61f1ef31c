// The village policy as a table: role × jurisdiction relative to the desa × action.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../core/roles";
import type { Principal } from "../../auth/principal";
import { villagePolicy, villageRoutePolicy } from "./villages.policy";

const who = (role: Role, jurisdiction: string[] | null): Principal => ({
  id: "u",
  tenant: "36.04",
  username: "u",
  displayName: "u",
  agencyId: "a",
  roles: [role],
  jurisdiction,
  locale: "id",
});
const DESA = { desaCode: "36.04.12.2001" }; // a desa of Kecamatan Pontang
const WHERE = { regency: null, inside: ["36.04.12"], outside: ["36.04.13"] } as const;

const VIEWERS: Role[] = ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator"];
const MANAGERS: Role[] = ["admin", "coordinator", "pimpasa"];

describe("villagePolicy: role × jurisdiction × action", () => {
  const rows: [Role, keyof typeof WHERE, "view" | "manage" | "seeFocalPhone", boolean][] = [];
  for (const role of ROLES)
    for (const where of Object.keys(WHERE) as (keyof typeof WHERE)[])
      for (const action of ["view", "manage", "seeFocalPhone"] as const) {
        const roleOk = action === "view" ? VIEWERS.includes(role) : MANAGERS.includes(role);
        rows.push([role, where, action, roleOk && where !== "outside"]);
      }
  it.each(rows)("%s, desa %s the jurisdiction: %s → %s", (role, where, action, allowed) => {
    expect(villagePolicy.can(who(role, WHERE[where] === null ? null : [...WHERE[where]]), action, DESA)).toBe(allowed);
  });

  it("route level follows the same role lists", () => {
    for (const role of ROLES) {
      expect(villageRoutePolicy.can(who(role, null), "view", undefined), role).toBe(VIEWERS.includes(role));
      expect(villageRoutePolicy.can(who(role, null), "manage", undefined), role).toBe(MANAGERS.includes(role));
    }
  });
});
