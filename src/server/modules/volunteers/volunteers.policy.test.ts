// The volunteer registry's policy as a table: role × relationship to the registration × action.
import { describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles";
import type { Principal } from "../../auth/principal";
import { volunteerAbilities, volunteerPolicy, volunteerRecordPolicy } from "./volunteers.policy";

const who = (roles: Role[], jurisdiction: string[] | null = null, id = "u1"): Principal => ({
  id,
  tenant: "36.04",
  username: id,
  displayName: id,
  agencyId: "a",
  roles,
  jurisdiction,
  locale: "id",
});
const PONTANG_DESA = { desaCodes: ["36.04.12.2001"], userId: "vol-account" };

describe("volunteerRecordPolicy: role × relationship × action", () => {
  const rows: [string, Principal, "read" | "edit" | "addTraining", boolean][] = [
    ["regency coordinator reads", who(["coordinator"]), "read", true],
    ["regency coordinator edits", who(["coordinator"]), "edit", true],
    ["regency coordinator records training", who(["coordinator"]), "addTraining", true],
    ["coordinator of Pontang edits", who(["coordinator"], ["36.04.12"]), "edit", true],
    ["coordinator of Tirtayasa does not read", who(["coordinator"], ["36.04.13"]), "read", false],
    ["coordinator of Tirtayasa does not edit", who(["coordinator"], ["36.04.13"]), "edit", false],
    ["admin edits", who(["admin"]), "edit", true],
    ["the volunteer reads their own registration", who(["volunteer"], ["36.04.12.2001"], "vol-account"), "read", true],
    ["the volunteer does not edit it", who(["volunteer"], ["36.04.12.2001"], "vol-account"), "edit", false],
    ["another volunteer does not read it", who(["volunteer"], ["36.04.12.2001"], "other"), "read", false],
    ["pimpasa of the desa does not read it", who(["pimpasa"], ["36.04.12"]), "read", false],
    ["agency operator does not edit", who(["agency_operator"]), "edit", false],
    ["case manager does not read", who(["case_manager"]), "read", false],
  ];
  it.each(rows)("%s", (_name, p, action, allowed) => {
    expect(volunteerRecordPolicy.can(p, action, PONTANG_DESA)).toBe(allowed);
  });

  it("abilities follow the policy", () => {
    expect(volunteerAbilities(who(["coordinator"], ["36.04.12"]), PONTANG_DESA)).toEqual({ edit: true, addTraining: true });
    expect(volunteerAbilities(who(["volunteer"], null, "vol-account"), PONTANG_DESA)).toEqual({ edit: false, addTraining: false });
  });

  it("route level: the registry for admins and coordinators, one's own registration for volunteers", () => {
    const roles: Role[] = [
      "admin",
      "coordinator",
      "agency_operator",
      "pimpasa",
      "volunteer",
      "case_manager",
      "investigator",
      "auditor",
      "interview_officer",
    ];
    for (const r of roles) {
      expect(volunteerPolicy.can(who([r]), "manage", undefined), r).toBe(r === "admin" || r === "coordinator");
      expect(volunteerPolicy.can(who([r]), "self", undefined), r).toBe(r === "volunteer");
    }
  });
});
