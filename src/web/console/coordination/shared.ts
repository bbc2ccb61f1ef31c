// What the coordination pages share: their addresses, the records the API sends, and the agency directory.
import type { ActionItemStatus } from "../../../core/coordination";
import { useResource } from "../hooks";

export const COORDINATION_PATH = "/konsol/koordinasi";
export const MEETING_PATH = `${COORDINATION_PATH}/rapat`;

export type FocalPoint = { id: string; name: string; position: string | null; phone: string | null };
export type Agency = { id: string; code: string; name: string; category: string; taskForces: string[]; focalPoints: FocalPoint[] };
export type ActionItem = {
  id: string;
  meetingId: string;
  meetingTitle: string;
  title: string;
  ownerAgency: { id: string; name: string };
  ownerUser: { id: string; name: string } | null;
  dueDate: string;
  status: ActionItemStatus;
  proof: string | null;
  link: { kind: string; ref: string } | null;
  overdue: boolean;
  canUpdate: boolean;
};
export type MeetingSummary = {
  id: string;
  title: string;
  startsAt: string;
  place: string | null;
  onlineUrl: string | null;
  decisionCount: number;
  openActionItems: number;
};
export type Meeting = {
  id: string;
  title: string;
  startsAt: string;
  place: string | null;
  onlineUrl: string | null;
  agenda: string;
  invitedAgencies: { id: string; name: string }[];
  attendance: { agencyId: string; agencyName: string; present: boolean; headcount: number }[];
  minutes: string | null;
  decisions: { id: string; seq: number; text: string; actionItems: ActionItem[] }[];
  canManage: boolean;
};

/** The agency directory, and its agencies as options of a picker. */
export function useAgencies() {
  const dir = useResource<{ items: Agency[] }>("/api/coordination/agencies");
  return { dir, options: (dir.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })) };
}
