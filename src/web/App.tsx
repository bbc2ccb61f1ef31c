import { type ComponentType, lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { loadStrings } from "./i18n";
import { useLocation } from "./lib/router";
import { NotFound } from "./site/NotFound";

type Strings = Parameters<typeof loadStrings>[0];

/** A page fetched on first visit together with its words (i18n/string-groups.ts). */
function page<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, ...strings: Strings[]) {
  return lazy(() => Promise.all([load(), ...strings.map(loadStrings)]).then(([module]) => module));
}

// The home page and its words are a chunk of their own, so the other public pages do not carry them.
// When a visit starts on "/", main.tsx waits for preloadHome() before the first render: the
// pre-rendered page is then replaced by the same page with no loading step in between.
const loadHome = () => Promise.all([import("./site/Home"), loadStrings("home")]).then(([module]) => ({ default: module.Home }));
const Home = lazy(loadHome);
let readyHome: ComponentType | null = null;

export async function preloadHome(): Promise<void> {
  readyHome = (await loadHome()).default;
}

// The staff console (and Mantine with it) is fetched only when a staff page is opened,
// so the public pages stay light on cheap phones and slow networks.
const Console = page(() => import("./console/Console"), "console");
const SignIn = page(() => import("./site/SignIn"), "signIn");
// The checker pages; the job-offer engine follows while the page is shown, and then works offline.
// The job check lists the hotlines too (HotlineList, words under home.hotlines).
const JobCheck = page(() => import("./site/jobcheck/JobCheck"), "jobCheck", "home");
const CompanyCheck = page(() => import("./site/jobcheck/CompanyCheck"), "jobCheck");
const NumberCheck = page(() => import("./site/jobcheck/NumberCheck"), "jobCheck");
// The report form and the status page, loaded on first visit.
const ReportForm = page(() => import("./site/report/ReportForm"), "report");
const ReportStatus = page(() => import("./site/report/ReportStatus"), "report");
// Public statistics (plain tables, no chart library).
const Statistics = page(() => import("./site/statistics/Statistics"), "statistics");

export function App() {
  const { pathname } = useLocation();
  if (pathname === "/konsol" || pathname.startsWith("/konsol/")) {
    return (
      <Suspense fallback={<Loading />}>
        <Console />
      </Suspense>
    );
  }
  if (pathname === "/") {
    const Ready = readyHome;
    if (Ready) return <Ready />;
    return (
      <Suspense fallback={<Loading />}>
        <Home />
      </Suspense>
    );
  }
  if (pathname === "/masuk") {
    return (
      <Suspense fallback={<Loading />}>
        <SignIn />
      </Suspense>
    );
  }
  if (pathname === "/cek-lowongan" || pathname === "/cek-perusahaan" || pathname === "/cek-nomor") {
    const Page = pathname === "/cek-lowongan" ? JobCheck : pathname === "/cek-perusahaan" ? CompanyCheck : NumberCheck;
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  }
  if (pathname === "/lapor" || pathname === "/lapor/status") {
    const Page = pathname === "/lapor" ? ReportForm : ReportStatus;
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  }
  if (pathname === "/statistik") {
    return (
      <Suspense fallback={<Loading />}>
        <Statistics />
      </Suspense>
    );
  }
  return <NotFound />;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="pub-loading" role="status">
      {t("common.loading")}
    </p>
  );
}
