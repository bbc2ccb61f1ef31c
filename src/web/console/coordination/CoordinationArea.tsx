// Coordination of the task force (its own lazy chunk): action items, meetings and the agency directory
// (`ActionItems.tsx`, `Meetings.tsx`, `Directory.tsx`), and one meeting's page (`MeetingPage.tsx`).
import { Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation } from "../../lib/router";
import type { Me } from "../../lib/types";
import { PageHeader } from "../PageHeader";
import { PageNotFound } from "../Placeholder";
import { usePageTitle } from "../usePageTitle";
import { ActionItems } from "./ActionItems";
import { Directory } from "./Directory";
import { MeetingPage } from "./MeetingPage";
import { Meetings } from "./Meetings";
import { COORDINATION_PATH, MEETING_PATH } from "./shared";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function CoordinationArea({ me }: { me: Me }) {
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "");
  if (path === COORDINATION_PATH) return <Overview me={me} />;
  const id = path.slice(MEETING_PATH.length + 1);
  if (path.startsWith(`${MEETING_PATH}/`) && UUID.test(id)) return <MeetingPage key={id} id={id} />;
  return <PageNotFound />;
}

function Overview({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t("coordination.title"));
  const manage = me.abilities.manageCoordination === true;
  return (
    <Stack>
      <PageHeader title={t("coordination.title")} />
      <Tabs defaultValue="actionItems" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="actionItems">{t("coordination.tabs.actionItems")}</Tabs.Tab>
          <Tabs.Tab value="meetings">{t("coordination.tabs.meetings")}</Tabs.Tab>
          <Tabs.Tab value="directory">{t("coordination.tabs.directory")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="actionItems" pt="md">
          <ActionItems />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <Meetings manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="directory" pt="md">
          <Directory manage={manage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
