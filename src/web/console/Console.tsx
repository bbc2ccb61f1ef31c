import "./styles";
import "./console.css";
import { Alert, Button, Center, createTheme, Loader, MantineProvider, Stack } from "@mantine/core";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { adoptAccountLanguage } from "../i18n";
import { ApiError, api, onUnauthenticated } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { navigate, useLocation } from "../lib/router";
import { forgetOnDevice, rememberedOnDevice, rememberOnDevice, setOfflineSession, setSession, useSession } from "../lib/session";
import type { Me, SessionResponse } from "../lib/types";
import { Agencies } from "./admin/Agencies";
import { CHANGE_PASSWORD_PATH, ChangePassword } from "./ChangePassword";
import { Users } from "./admin/Users";
import { Audit } from "./audit/Audit";
import { Privacy } from "./admin/Privacy";
import { PeriodicReports } from "./periodic/PeriodicReports";
import { ReportDetailPage } from "./reports/ReportDetailPage";
import { Reports, REPORTS_PATH } from "./reports/Reports";
import { Dashboard } from "./Dashboard";
import { allowed, findNavItem } from "./nav";
import { ComingSoon, PageNotFound } from "./Placeholder";
import { Shell } from "./Shell";
import { OutboxSync } from "./outreach/sync";
import { isProgrammePath } from "./villages/types";
import { isScreeningPath } from "../lib/screening";
import { isIntelPath } from "../lib/intel";

// Case management is its own chunk, loaded on first visit to /konsol/kasus.
const CasesArea = lazy(() => import("./cases/CasesArea"));
const CoordinationArea = lazy(() => import("./coordination/CoordinationArea"));
// Desa Binaan, outreach, coverage, volunteers and the map: one chunk, loaded on first visit.
const ProgrammeArea = lazy(() => import("./villages/ProgrammeArea"));
// Passport-interview screening and its follow-ups: one chunk, loaded on first visit.
const ScreeningArea = lazy(() => import("./screening/ScreeningArea"));
// Recruiter intelligence with its graph library: its own chunk, only for users with `viewIntel`.
const IntelArea = lazy(() => import("./intel/IntelArea"));

const theme = createTheme({
  primaryColor: "teal",
  primaryShade: 8,
  defaultRadius: "md",
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
});

function signInPath(): string {
  const here = window.location.pathname + window.location.search;
  // Two 401s of one start (the handler and the failed `me`) both ask for sign-in: the second must not wrap the first.
  if (window.location.pathname === "/masuk") return here;
  return `/masuk?next=${encodeURIComponent(here)}`;
}

export default function Console() {
  return (
    <MantineProvider theme={theme}>
      <SessionGate />
    </MantineProvider>
  );
}

function SessionGate() {
  const { t } = useTranslation();
  const { me, offline } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    onUnauthenticated(() => {
      setSession(null, null);
      navigate(signInPath(), { replace: true });
    });
    return () => onUnauthenticated(null);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` retries after a failure
  useEffect(() => {
    if (me) return;
    let cancelled = false;
    setFailure(null);
    api
      .get<SessionResponse>("/api/auth/me")
      .then(async (result) => {
        if (cancelled) return;
        setSession(result.user, result.csrfToken);
        await adoptAccountLanguage(result.user.locale);
      })
      .catch((caught: unknown) => {
        if (cancelled) return;
        if (caught instanceof ApiError && caught.status === 401) navigate(signInPath(), { replace: true });
        else if (caught instanceof ApiError && caught.code === "network" && rememberedOnDevice()) setOfflineSession(rememberedOnDevice()!);
        else setFailure(errorMessage(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [me, attempt]);

  // The device copy lets a recorder open the outreach form after a reload without a connection.
  useEffect(() => {
    if (!me || offline) return;
    if (me.abilities.recordOutreach) rememberOnDevice(me);
    else forgetOnDevice();
  }, [me, offline]);

  // Started offline: when the connection returns, the real session (and its CSRF token) comes back.
  useEffect(() => {
    if (!offline) return;
    const resume = () => {
      api
        .get<SessionResponse>("/api/auth/me")
        .then((result) => setSession(result.user, result.csrfToken))
        // A 401 goes to sign-in through onUnauthenticated; other failures wait for the next "online".
        .catch(() => undefined);
    };
    if (typeof navigator !== "undefined" && navigator.onLine) resume();
    window.addEventListener("online", resume);
    return () => window.removeEventListener("online", resume);
  }, [offline]);

  if (!me) {
    return (
      <Center mih="100vh" p="md">
        {failure ? (
          <Stack align="center">
            <Alert color="red" role="alert">
              {failure}
            </Alert>
            <Button onClick={() => setAttempt((value) => value + 1)}>{t("common.retry")}</Button>
          </Stack>
        ) : (
          <Loader aria-label={t("common.loading")} />
        )}
      </Center>
    );
  }
  return (
    <Shell me={me}>
      <OutboxSync me={me} />
      <ConsolePage me={me} />
    </Shell>
  );
}

function ConsolePage({ me }: { me: Me }) {
  const { pathname } = useLocation();
  // After an admin set a temporary password, nothing else opens until the user picks their own.
  const mustChange = me.mustChangePassword;
  if (mustChange || pathname === CHANGE_PASSWORD_PATH) return <ChangePassword me={me} forced={mustChange} />;
  if ((pathname === "/konsol/kasus" || pathname.startsWith("/konsol/kasus/")) && me.abilities.viewCases) {
    return (
      <Suspense fallback={<Loader />}>
        <CasesArea me={me} />
      </Suspense>
    );
  }
  if ((pathname === "/konsol/koordinasi" || pathname.startsWith("/konsol/koordinasi/")) && me.abilities.viewCoordination) {
    return (
      <Suspense fallback={<Loader />}>
        <CoordinationArea me={me} />
      </Suspense>
    );
  }
  if (isProgrammePath(pathname)) {
    return (
      <Suspense fallback={<Loader />}>
        <ProgrammeArea me={me} pathname={pathname} />
      </Suspense>
    );
  }
  if (isIntelPath(pathname) && me.abilities.viewIntel) {
    return (
      <Suspense fallback={<Loader />}>
        <IntelArea pathname={pathname} />
      </Suspense>
    );
  }
  if (isScreeningPath(pathname)) {
    return (
      <Suspense fallback={<Loader />}>
        <ScreeningArea me={me} pathname={pathname} />
      </Suspense>
    );
  }
  if (pathname.startsWith(`${REPORTS_PATH}/`) && me.abilities.viewReports) {
    return <ReportDetailPage key={pathname} id={pathname.slice(REPORTS_PATH.length + 1)} />;
  }
  const item = findNavItem(pathname);
  if (!item || !allowed(item, me.abilities)) return <PageNotFound />;
  switch (item.id) {
    case "dashboard":
      return <Dashboard me={me} />;
    case "agencies":
      return <Agencies />;
    case "users":
      return <Users />;
    case "audit":
      return <Audit />;
    case "privacy":
      return <Privacy />;
    case "reports":
      return <Reports me={me} />;
    case "periodic":
      return <PeriodicReports />;
    default:
      return <ComingSoon item={item} />;
  }
}
