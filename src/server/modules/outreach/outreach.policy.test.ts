// The outreach session policy as a table: role × relationship to the session (recorder, organising agency,
// neither) × jurisdiction × action.
import { describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles";
import type { Principal } from "../../auth/principal";
import { outreachRoutePolicy, sessionPolicy } from "./outreach.policy";

const who = (roles: Role[], jurisdiction: string[] | null, id = "me", agencyId: string | null = "my-agency"): Principal => ({
  id,
  tenant: "36.04",
  username: id,
  displayName: id,
  agencyId,
  roles,
  jurisdiction,
  locale: "id",
});
const session = (recordedBy: string, organiserAgencyId: string | null) => ({ desaCode: "36.04.12.2001", recordedBy, organiserAgencyId });
const IN = ["36.04.12"];
const OUT = ["36.04.13"];

describe("sessionPolicy: role × relationship × jurisdiction × action", () => {
  const rows: [string, Principal, ReturnType<typeof session>, "create" | "read" | "update", boolean][] = [
    ["volunteer recorder reads own", who(["volunteer"], IN), session("me", null), "read", true],
    ["volunteer recorder fixes own", who(["volunteer"], IN), session("me", null), "update", true],
    ["volunteer recorder moved elsewhere cannot fix it", who(["volunteer"], OUT), session("me", null), "update", false],
    ["volunteer does not read another's session", who(["volunteer"], IN), session("other", null), "read", false],
    ["volunteer does not fix another's session", who(["volunteer"], IN), session("other", null), "update", false],
    ["volunteer records in own desa", who(["volunteer"], IN), session("x", null), "create", true],
    ["volunteer does not record outside", who(["volunteer"], OUT), session("x", null), "create", false],
    ["pimpasa reads any in area", who(["pimpasa"], IN), session("other", null), "read", true],
    ["pimpasa does not fix another agency's session", who(["pimpasa"], IN), session("other", "their-agency"), "update", false],
    ["pimpasa fixes own agency's session", who(["pimpasa"], IN), session("other", "my-agency"), "update", true],
    ["agency operator fixes own agency's session", who(["agency_operator"], IN), session("other", "my-agency"), "update", true],
    ["agency operator outside the area does not", who(["agency_operator"], OUT), session("other", "my-agency"), "update", false],
    ["coordinator fixes any in area", who(["coordinator"], IN), session("other", "their-agency"), "update", true],
    ["coordinator outside the area does not read", who(["coordinator"], OUT), session("other", null), "read", false],
    ["admin regency-wide fixes any", who(["admin"], null), session("other", null), "update", true],
    ["case manager does not read", who(["case_manager"], null), session("other", null), "read", false],
    ["case manager does not record", who(["case_manager"], null), session("x", null), "create", false],
    ["auditor does not read", who(["auditor"], null), session("other", null), "read", false],
  ];
  it.each(rows)("%s", (_name, p, s, action, allowed) => {
    expect(sessionPolicy.can(p, action, s)).toBe(allowed);
  });

  it("route level: recording, coverage and export", () => {
    const table: [Role, boolean, boolean, boolean][] = [
      ["admin", true, true, true],
      ["coordinator", true, true, true],
      ["agency_operator", true, true, true],
      ["pimpasa", true, true, true],
      ["volunteer", true, false, false],
      ["case_manager", false, false, false],
      ["investigator", false, false, false],
      ["interview_officer", false, false, false],
      ["auditor", false, false, false],
    ];
    for (const [role, record, coverage, exp] of table) {
      const p = who([role], null);
      expect(
        [
          outreachRoutePolicy.can(p, "record", undefined),
          outreachRoutePolicy.can(p, "coverage", undefined),
          outreachRoutePolicy.can(p, "export", undefined),
        ],
        role,
      ).toEqual([record, coverage, exp]);
    }
  });
});
