// The case and referral policies as tables: role × relationship to the case × action → allowed or denied.
// A change to a rule must change a row here, on purpose.
import { describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles";
import type { Principal } from "../../auth/principal";
import {
  CASE_ABILITIES,
  type CaseAccess,
  type CaseAction,
  caseAbilities,
  casePolicy,
  caseRoutePolicy,
  referralAbilities,
  referralPolicy,
  referralRelation,
} from "./cases.policy";

const user = (roles: Role[], agencyId: string | null = "agency-a"): Principal => ({
  id: "u1",
  tenant: "36.04",
  username: "u1",
  displayName: "U",
  agencyId,
  roles,
  jurisdiction: null,
  locale: "id",
});

const RELATIONS: Record<string, CaseAccess> = {
  owner: { level: "team", role: "owner" },
  member: { level: "team", role: "member" },
  referralCase: { level: "referral", scope: "case", serviceIds: [], referralIds: ["r1"] },
  referralService: { level: "referral", scope: "service", serviceIds: ["s1"], referralIds: ["r1"] },
  aggregate: { level: "aggregate" },
};
type Relation = keyof typeof RELATIONS;

const ACTIONS: CaseAction[] = [
  "read",
  "readIdentity",
  "readNarrative",
  "edit",
  "manageTeam",
  "close",
  "note",
  "updateService",
  "recordLegal",
  "refer",
  "overrideConsent",
  "export",
  "documents",
  "legalHold",
];

// What each role may do at each relationship; every action not listed is denied.
const TEAM = [
  "read",
  "readIdentity",
  "readNarrative",
  "edit",
  "note",
  "updateService",
  "recordLegal",
  "refer",
  "export",
  "documents",
  "legalHold",
];
const ALLOWED: Record<"case_manager" | "investigator" | "coordinator", Partial<Record<Relation, string[]>>> = {
  case_manager: {
    owner: [...TEAM, "manageTeam", "close", "overrideConsent"],
    member: TEAM,
    referralCase: ["read", "readIdentity", "readNarrative", "note", "updateService", "export", "documents"],
    referralService: ["read", "readIdentity", "note", "updateService", "export"],
    aggregate: ["read", "export"],
  },
  investigator: {
    owner: [...TEAM, "manageTeam", "close", "overrideConsent"],
    // Criminal procedure: an investigator on the team may share without recorded consent.
    member: [...TEAM, "overrideConsent"],
    // The police receive a whole case to investigate it: they record its legal milestones.
    referralCase: ["read", "readIdentity", "readNarrative", "note", "updateService", "recordLegal", "export", "documents", "legalHold"],
    referralService: ["read", "readIdentity", "note", "updateService", "export"],
    aggregate: ["read", "export"],
  },
  // Coordinators only ever reach a case at aggregate level (accessTo never gives them more); the area's
  // coordinator may put a case under legal hold (retention module).
  coordinator: { aggregate: ["read", "export", "legalHold"] },
};

describe("casePolicy: role × relationship × action", () => {
  const rows: [string, Relation, CaseAction, boolean][] = [];
  for (const [role, byRelation] of Object.entries(ALLOWED))
    for (const [relation, allowed] of Object.entries(byRelation))
      for (const action of ACTIONS) rows.push([role, relation as Relation, action, allowed!.includes(action)]);

  it.each(rows)("%s, %s: %s → %s", (role, relation, action, allowed) => {
    expect(casePolicy.can(user([role as Role]), action, RELATIONS[relation]!)).toBe(allowed);
  });

  it("denies everything to nobody signed in", () => {
    for (const action of ACTIONS) expect(casePolicy.can(null, action, RELATIONS.owner!)).toBe(false);
  });
});

describe("caseAbilities: what the console is offered", () => {
  const on = (roles: Role[], relation: Relation, status: string) => caseAbilities(user(roles), RELATIONS[relation]!, status);

  it("names every ability in the response schema", () => {
    expect([...CASE_ABILITIES].sort()).toEqual(Object.keys(on(["case_manager"], "owner", "open")).sort());
  });

  const rows: [string, Role, Relation, string, keyof ReturnType<typeof caseAbilities>, boolean][] = [
    ["owner closes an open case", "case_manager", "owner", "active", "close", true],
    ["owner reopens a closed case", "case_manager", "owner", "closed", "reopen", true],
    ["owner cannot close a closed case", "case_manager", "owner", "closed", "close", false],
    ["member cannot close", "case_manager", "member", "active", "close", false],
    ["member cannot manage the team", "case_manager", "member", "active", "manageTeam", false],
    ["owner overrides consent", "case_manager", "owner", "active", "overrideConsent", true],
    ["investigator on the team overrides consent", "investigator", "member", "active", "overrideConsent", true],
    ["case-manager member does not override consent", "case_manager", "member", "active", "overrideConsent", false],
    ["team adds a service", "case_manager", "member", "active", "addService", true],
    ["closed case: no new service", "case_manager", "owner", "closed", "addService", false],
    ["closed case: the team does not report service progress", "case_manager", "owner", "closed", "updateServiceStatus", false],
    ["closed case: a referral recipient still reports progress", "case_manager", "referralService", "closed", "updateServiceStatus", true],
    ["closed case: consent can still be withdrawn", "case_manager", "owner", "closed", "withdrawConsent", true],
    ["closed case: the owner may still remove a member", "case_manager", "owner", "closed", "removeMember", true],
    ["investigator on a whole-case referral records legal milestones", "investigator", "referralCase", "active", "recordLegal", true],
    ["case manager on a whole-case referral does not", "case_manager", "referralCase", "active", "recordLegal", false],
    ["nobody records legal milestones on a closed case", "investigator", "referralCase", "closed", "recordLegal", false],
    ["referral recipient does not refer onwards", "case_manager", "referralCase", "active", "refer", false],
    ["whole-case referral sees documents", "case_manager", "referralCase", "active", "documents", true],
    ["one-service referral does not", "case_manager", "referralService", "active", "documents", false],
    ["coordinator adds no note", "coordinator", "aggregate", "active", "addNote", false],
    ["coordinator does not see identity", "coordinator", "aggregate", "active", "readIdentity", false],
  ];
  it.each(rows)("%s", (_name, role, relation, status, ability, allowed) => {
    expect(on([role], relation, status)[ability]).toBe(allowed);
  });
});

describe("caseRoutePolicy: role × route action", () => {
  const rows: [Role, "create" | "list" | "stats" | "referralInbox" | "teamCandidates", boolean][] = [];
  const allowed: Record<string, string[]> = {
    case_manager: ["create", "list", "referralInbox", "teamCandidates"],
    investigator: ["create", "list", "referralInbox", "teamCandidates"],
    coordinator: ["create", "list", "stats", "teamCandidates"],
    admin: [],
    auditor: [],
    volunteer: [],
    pimpasa: [],
    agency_operator: [],
    interview_officer: [],
  };
  for (const [role, actions] of Object.entries(allowed))
    for (const action of ["create", "list", "stats", "referralInbox", "teamCandidates"] as const)
      rows.push([role as Role, action, actions.includes(action)]);
  it.each(rows)("%s: %s → %s", (role, action, expected) => {
    expect(caseRoutePolicy.can(user([role]), action, undefined)).toBe(expected);
  });

  it("a case worker without an agency has no referral inbox", () => {
    expect(caseRoutePolicy.can(user(["case_manager"], null), "referralInbox", undefined)).toBe(false);
  });
});

describe("referralPolicy: relationship × status × action", () => {
  const receiverUser = user(["case_manager"], "to-agency");
  const rel = {
    receiver: referralRelation(receiverUser, { toAgencyId: "to-agency" }, null),
    sender: referralRelation(user(["case_manager"], "from-agency"), { toAgencyId: "to-agency" }, RELATIONS.member!),
    // A recipient of another referral of the same case is not the sending side.
    otherRecipient: referralRelation(user(["case_manager"], "x"), { toAgencyId: "to-agency" }, RELATIONS.referralCase!),
    coordinator: referralRelation(user(["coordinator"], "to-agency"), { toAgencyId: "to-agency" }, RELATIONS.aggregate!),
  };

  it("works out the relationship from the agency and the case policy", () => {
    expect(rel.receiver).toEqual({ receiver: true, sender: false });
    expect(rel.sender).toEqual({ receiver: false, sender: true });
    expect(rel.otherRecipient).toEqual({ receiver: false, sender: false });
    // A coordinator of the receiving agency is not a case worker: not the receiving side.
    expect(rel.coordinator).toEqual({ receiver: false, sender: false });
  });

  const STATUSES = ["sent", "accepted", "rejected", "completed", "revoked"] as const;
  const expected: Record<keyof typeof rel, Record<(typeof STATUSES)[number], string[]>> = {
    receiver: { sent: ["accept", "reject"], accepted: ["complete"], rejected: [], completed: [], revoked: [] },
    sender: { sent: ["revoke"], accepted: ["complete", "revoke"], rejected: [], completed: [], revoked: [] },
    otherRecipient: { sent: [], accepted: [], rejected: [], completed: [], revoked: [] },
    coordinator: { sent: [], accepted: [], rejected: [], completed: [], revoked: [] },
  };
  const rows: [string, string, string, boolean][] = [];
  for (const [who, byStatus] of Object.entries(expected))
    for (const status of STATUSES)
      for (const action of ["accept", "reject", "complete", "revoke"]) rows.push([who, status, action, byStatus[status].includes(action)]);
  it.each(rows)("%s, %s: %s → %s", (who, status, action, allowed) => {
    const abilities = referralAbilities(user(["case_manager"]), rel[who as keyof typeof rel], status as (typeof STATUSES)[number]);
    expect(abilities[action as keyof typeof abilities]).toBe(allowed);
  });

  it("neither side may read it (the service answers 404)", () => {
    expect(referralPolicy.can(receiverUser, "read", rel.otherRecipient)).toBe(false);
    expect(referralPolicy.can(receiverUser, "read", rel.receiver)).toBe(true);
  });
});
