// Passport-interview screening in the console (its own lazy chunk): the office's interviews, the review
// queue, a new interview, one interview, statistics, and the follow-ups other roles receive (home visits
// for PIMPASA and volunteers, counselling referrals for agency operators). Which pages open follows the
// abilities from /api/auth/me and, for one interview, the abilities the server sends with it.
import { SCREENING_NEW_PATH, SCREENING_REFERRALS_PATH, SCREENING_STATS_PATH, SCREENINGS_PATH, VISITS_PATH } from "../../lib/screening";
import type { Me } from "../../lib/types";
import { PageNotFound } from "../Placeholder";
import { Assignments } from "./Assignments";
import { ScreeningDetailPage } from "./ScreeningDetail";
import { ScreeningForm } from "./ScreeningForm";
import { ScreeningList } from "./ScreeningList";
import { ScreeningStatsPage } from "./ScreeningStats";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function ScreeningArea({ me, pathname }: { me: Me; pathname: string }) {
  const path = pathname.replace(/\/+$/, "");
  const can = me.abilities;
  if (path === VISITS_PATH && can.viewScreeningVisits) return <Assignments kind="visit" />;
  if (path === SCREENING_REFERRALS_PATH && can.viewScreeningReferrals) return <Assignments kind="referral" />;
  if (path === SCREENING_STATS_PATH && can.viewScreeningStats) return <ScreeningStatsPage />;
  if (!can.viewScreenings) return <PageNotFound />;
  if (path === SCREENINGS_PATH) return <ScreeningList />;
  if (path === SCREENING_NEW_PATH) return <ScreeningForm />;
  const id = path.slice(SCREENINGS_PATH.length + 1);
  if (UUID.test(id)) return <ScreeningDetailPage key={id} id={id} />;
  return <PageNotFound />;
}
