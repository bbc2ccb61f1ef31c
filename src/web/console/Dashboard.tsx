import { Badge, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../lib/types";
import { useRegionNames } from "./hooks";
import { jurisdictionLabel, roleLabel } from "./labels";
import { usePageTitle } from "./usePageTitle";
import { DashboardSections } from "./dashboard/Sections";
import { Panel } from "./Panel";

export function Dashboard({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t("nav.dashboard"));
  const names = useRegionNames(me.jurisdiction.kind === "areas" ? me.jurisdiction.codes : []);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("dashboard.welcome", { name: me.displayName })}
      </Title>
      <Panel title={t("dashboard.profile")} mb="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text size="sm" c="dimmed">
              {t("dashboard.agency")}
            </Text>
            <Text data-testid="me-agency">{me.agency?.name ?? t("dashboard.noAgency")}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t("dashboard.roles")}
            </Text>
            <Group gap={4} data-testid="me-roles">
              {me.roles.map((role) => (
                <Badge key={role} variant="light" tt="none">
                  {roleLabel(t, role)}
                </Badge>
              ))}
            </Group>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t("dashboard.jurisdiction")}
            </Text>
            <Text data-testid="me-jurisdiction">{jurisdictionLabel(t, me.jurisdiction, names)}</Text>
          </div>
        </SimpleGrid>
      </Panel>
      {me.abilities.viewDashboard && <DashboardSections me={me} />}
    </Stack>
  );
}
