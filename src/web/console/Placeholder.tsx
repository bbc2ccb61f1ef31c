import { Button, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "../lib/router";
import type { NavItem } from "./nav";
import { usePageTitle } from "./usePageTitle";
import { PageHeader } from "./PageHeader";

export function ComingSoon({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  const title = t(`nav.${item.id}`);
  usePageTitle(title);
  return (
    <Stack>
      <PageHeader title={title} />
      <Paper withBorder p="lg">
        <Text>{t("console.comingSoon")}</Text>
      </Paper>
    </Stack>
  );
}

export function PageNotFound() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <Stack align="flex-start">
      <PageHeader title={t("notFound.title")} />
      <Text>{t("console.notFound")}</Text>
      <Button component={Link} href="/konsol">
        {t("console.backToDashboard")}
      </Button>
    </Stack>
  );
}
