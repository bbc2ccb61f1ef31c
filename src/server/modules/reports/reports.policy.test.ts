// The public-report policy as a table: role × relationship to the report (coordinator of its area,
// operator of an agency it was forwarded to, with or without the reporter's contact) × action.
import { describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles";
import type { Principal } from "../../auth/principal";
import { type ReportAccess, reportPolicy, reportQueuePolicy } from "./reports.policy";

const who = (roles: Role[], jurisdiction: string[] | null = null, agencyId: string | null = "my-agency"): Principal => ({
  id: "u",
  tenant: "36.04",
  username: "u",
  displayName: "u",
  agencyId,
  roles,
  jurisdiction,
  locale: "id",
});
const report = (forwards: ReportAccess["forwards"] = [], regionCode: string | null = "36.04.12.2001"): ReportAccess => ({
  regionCode,
  forwards,
});
const ACTIONS = ["read", "triage", "respond", "note", "seeReporter", "seeLinks", "toCase"] as const;

const CASES: [string, Principal, ReportAccess, (typeof ACTIONS)[number][]][] = [
  ["regency coordinator", who(["coordinator"]), report(), ["read", "triage", "note", "seeReporter", "seeLinks", "toCase"]],
  [
    "coordinator of the report's kecamatan",
    who(["coordinator"], ["36.04.12"]),
    report(),
    ["read", "triage", "note", "seeReporter", "seeLinks", "toCase"],
  ],
  ["coordinator elsewhere", who(["coordinator"], ["36.04.13"]), report(), []],
  ["kecamatan coordinator, report without a place", who(["coordinator"], ["36.04.12"]), report([], null), []],
  [
    "operator of the agency it was forwarded to (contact shared)",
    who(["agency_operator"]),
    report([{ agencyId: "my-agency", shareContact: true }]),
    ["read", "respond", "note", "seeReporter"],
  ],
  [
    "operator of the agency it was forwarded to (contact withheld)",
    who(["agency_operator"]),
    report([{ agencyId: "my-agency", shareContact: false }]),
    ["read", "respond", "note"],
  ],
  [
    "operator who is also a case worker",
    who(["agency_operator", "case_manager"]),
    report([{ agencyId: "my-agency", shareContact: false }]),
    ["read", "respond", "note", "toCase"],
  ],
  ["operator of another agency", who(["agency_operator"]), report([{ agencyId: "their-agency", shareContact: true }]), []],
  ["operator without an agency", who(["agency_operator"], null, null), report([{ agencyId: "my-agency", shareContact: true }]), []],
  ["case manager (not forwarded)", who(["case_manager"]), report([{ agencyId: "my-agency", shareContact: true }]), []],
  ["investigator", who(["investigator"]), report(), []],
  ["admin", who(["admin"]), report(), []],
  ["volunteer", who(["volunteer"]), report(), []],
];

describe("reportPolicy: role × relationship × action", () => {
  const rows = CASES.flatMap(([name, p, r, allowed]) => ACTIONS.map((a) => [name, a, allowed.includes(a), p, r] as const));
  it.each(rows)("%s: %s → %s", (_name, action, allowed, p, r) => {
    expect(reportPolicy.can(p, action, r)).toBe(allowed);
  });

  it("route level: the queue for coordinators, the inbox for operators with an agency", () => {
    expect(reportQueuePolicy.can(who(["coordinator"]), "queue", undefined)).toBe(true);
    expect(reportQueuePolicy.can(who(["agency_operator"]), "queue", undefined)).toBe(false);
    expect(reportQueuePolicy.can(who(["agency_operator"]), "inbox", undefined)).toBe(true);
    expect(reportQueuePolicy.can(who(["agency_operator"], null, null), "inbox", undefined)).toBe(false);
    expect(reportQueuePolicy.can(who(["agency_operator"]), "toCase", undefined)).toBe(false);
    expect(reportQueuePolicy.can(who(["agency_operator", "investigator"]), "toCase", undefined)).toBe(true);
    for (const r of ["admin", "volunteer", "pimpasa", "case_manager", "auditor"] as Role[])
      expect(reportQueuePolicy.can(who([r]), "any", undefined), r).toBe(false);
  });
});
