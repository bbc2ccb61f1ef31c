// Desa Binaan, outreach, coverage, volunteers and the map: one lazy chunk of the console (the map
// and its ECharts are a further chunk, loaded on the map page only). Each page opens only for the
// matching ability from /api/auth/me.
import { Loader } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { Me } from "../../lib/types";
import { GroupChatCheck } from "../chatcheck/GroupChatCheck";
import { Coverage } from "../outreach/Coverage";
import { EditSession } from "../outreach/EditSession";
import { Outreach } from "../outreach/Outreach";
import { NewSession } from "../outreach/NewSession";
import { PageNotFound } from "../Placeholder";
import { Volunteers } from "../volunteers/Volunteers";
import { CHAT_CHECK_PATH, COVERAGE_PATH, MAP_PATH, OUTREACH_NEW_PATH, OUTREACH_PATH, VILLAGES_PATH, VOLUNTEERS_PATH } from "./types";
import { VillagePage } from "./VillagePage";
import { Villages } from "./Villages";

const VillageMap = lazy(() => import("../map/VillageMap"));

export default function ProgrammeArea({ me, pathname }: { me: Me; pathname: string }) {
  const can = (ability: string) => me.abilities[ability] === true;
  if (pathname === VILLAGES_PATH && can("viewVillages")) return <Villages me={me} />;
  if (pathname.startsWith(`${VILLAGES_PATH}/`) && can("viewVillages")) {
    const code = decodeURIComponent(pathname.slice(VILLAGES_PATH.length + 1));
    return <VillagePage key={code} me={me} code={code} />;
  }
  if (pathname === OUTREACH_PATH && can("recordOutreach")) return <Outreach me={me} />;
  if (pathname === OUTREACH_NEW_PATH && can("recordOutreach")) return <NewSession me={me} />;
  if (pathname.startsWith(`${OUTREACH_PATH}/`) && can("recordOutreach")) {
    const id = decodeURIComponent(pathname.slice(OUTREACH_PATH.length + 1));
    return <EditSession key={id} me={me} id={id} />;
  }
  if (pathname === COVERAGE_PATH && can("viewCoverage")) return <Coverage me={me} />;
  if (pathname === VOLUNTEERS_PATH && can("manageVolunteers")) return <Volunteers me={me} />;
  if (pathname === CHAT_CHECK_PATH && can("checkGroupChats")) return <GroupChatCheck />;
  if (pathname === MAP_PATH && can("viewVillageMap")) {
    return (
      <Suspense fallback={<Loader />}>
        <VillageMap />
      </Suspense>
    );
  }
  return <PageNotFound />;
}
