// Coordination. The directory is read by every staff member; coordinators and admins edit it and run
// meetings. An action item belongs to its owner agency: that agency's staff (and the named owner) see
// it and update its status and proof; coordinators and admins see and update every item.
import { ROLES } from "../../../core/roles";
import { definePolicy } from "../../auth/policy";
import { hasRole, type Principal } from "../../auth/principal";

const isStaff = (p: Principal) => hasRole(p, ...ROLES);
const isCoordinator = (p: Principal) => hasRole(p, "admin", "coordinator");

export const coordinationRoutePolicy = definePolicy<"directory" | "editDirectory" | "meetings" | "planMeetings" | "actionItems", undefined>(
  "coordination-route",
  {
    directory: isStaff,
    editDirectory: isCoordinator,
    meetings: isStaff,
    planMeetings: isCoordinator,
    actionItems: isStaff,
  },
);

export type MeetingRef = { invitedAgencyIds: string[]; ownerAgencyIds: string[] };

export const meetingPolicy = definePolicy<"read", MeetingRef>("coordination-meeting", {
  // Invited agencies and agencies that own one of its action items read the meeting and its minutes.
  read: (p, m) =>
    isCoordinator(p) || (p.agencyId !== null && (m.invitedAgencyIds.includes(p.agencyId) || m.ownerAgencyIds.includes(p.agencyId))),
});

export type ActionItemRef = { ownerAgencyId: string; ownerUserId: string | null };

export const actionItemPolicy = definePolicy<"read" | "updateProgress" | "manage", ActionItemRef>("coordination-action-item", {
  read: (p, a) => isCoordinator(p) || a.ownerUserId === p.id || (p.agencyId !== null && p.agencyId === a.ownerAgencyId),
  updateProgress: (p, a) => isCoordinator(p) || a.ownerUserId === p.id || (p.agencyId !== null && p.agencyId === a.ownerAgencyId),
  manage: (p) => isCoordinator(p),
});

/** Sees every meeting and action item of the regency (not only its own agency's). */
export function seesAllCoordination(p: Principal): boolean {
  return isCoordinator(p);
}
