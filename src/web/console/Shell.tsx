import { AppShell, Burger, Button, Group, Menu, NavLink, SegmentedControl, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGES, type Language, setLanguage } from "../i18n";
import { api } from "../lib/api";
import { Link, navigate, useLocation } from "../lib/router";
import { setSession } from "../lib/session";
import type { Me } from "../lib/types";
import { CHANGE_PASSWORD_PATH } from "./ChangePassword";
import { type NavGroup, type NavItem, visibleNav } from "./nav";
import { NotificationBell } from "./reports/NotificationBell";

const GROUPS: readonly NavGroup[] = ["main", "admin", "oversight"];

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const items = visibleNav(me.abilities);
  // Mantine slides the closed menu off-screen on phones; hiding it also keeps its links
  // out of the keyboard and screen-reader order. 48em is Mantine's "sm" breakpoint.
  const phone = useMediaQuery("(max-width: 47.99em)") ?? false;

  // After moving to another page, put the focus on its heading so screen readers announce it.
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading || !pathname) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("console.closeMenu") : t("console.openMenu")}
            />
            <Text component={Link} href="/konsol" fw={700} size="lg" c="teal.9" td="none">
              {t("app.name")}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ConsoleLanguageSwitch />
            {/* A temporary-password session may only change its password: the server refuses the rest. */}
            {!me.mustChangePassword && <NotificationBell />}
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="xs"
        aria-label={t("console.navigation")}
        component="nav"
        style={phone && !opened ? { visibility: "hidden" } : undefined}
      >
        <div className="konsol-nav">
          {GROUPS.map((group) => {
            const groupItems = items.filter((item) => item.group === group);
            if (groupItems.length === 0) return null;
            return (
              <div key={group}>
                {group !== "main" && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                    {t(`nav.group.${group}`)}
                  </Text>
                )}
                {groupItems.map((item) => (
                  <NavEntry key={item.id} item={item} active={pathname === item.path} onNavigate={close} />
                ))}
              </div>
            );
          })}
        </div>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

function NavEntry({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <NavLink
      component={Link}
      href={item.path}
      label={t(`nav.${item.id}`)}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
    />
  );
}

function ConsoleLanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value = i18n.language === "en" ? "en" : currentLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language.label")}
      value={value}
      onChange={(next) => void setLanguage(next as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.short.${language}`) }))}
    />
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    try {
      await api.post("/api/auth/logout");
    } catch {
      // The session is dropped locally either way; the server expires it if the call failed.
    } finally {
      setSession(null, null);
      navigate("/masuk", { replace: true });
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="sm" aria-label={t("console.userMenu", { name: me.displayName })}>
          <Text truncate maw={{ base: 90, sm: 200 }} size="sm">
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.username}
          {me.agency ? ` · ${me.agency.name}` : ""}
        </Menu.Label>
        <Menu.Item component={Link} href={CHANGE_PASSWORD_PATH}>
          {t("password.title")}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()} disabled={busy}>
          {t("console.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
