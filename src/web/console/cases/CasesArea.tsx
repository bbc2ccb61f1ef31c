// The case-management area of the console (its own lazy chunk): the list, intake, one case, and the
// referral inbox. Case data lives only in these components' state: nothing is written to
// localStorage, and signing out unmounts the console, which drops it from memory.
import { CASE_NEW_PATH, CASES_PATH, REFERRALS_PATH } from "../../lib/cases";
import { useLocation } from "../../lib/router";
import type { Me } from "../../lib/types";
import { PageNotFound } from "../Placeholder";
import { CaseDetailPage } from "./CaseDetailPage";
import { CaseIntake } from "./CaseIntake";
import { CaseList } from "./CaseList";
import { ReferralInbox } from "./Referrals";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function CasesArea({ me }: { me: Me }) {
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "");
  if (path === CASES_PATH) return <CaseList me={me} />;
  if (path === CASE_NEW_PATH && me.abilities.createCases) return <CaseIntake />;
  if (path === REFERRALS_PATH && me.abilities.viewReferrals) return <ReferralInbox />;
  const id = path.slice(CASES_PATH.length + 1);
  if (UUID.test(id)) return <CaseDetailPage key={id} id={id} />;
  return <PageNotFound />;
}
