import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "./lib/router";
import { Home } from "./site/Home";
import { NotFound } from "./site/NotFound";
import { SignIn } from "./site/SignIn";

// The staff console (and Mantine with it) is fetched only when a staff page is opened,
// so the public pages stay light on cheap phones and slow networks.
const Console = lazy(() => import("./console/Console"));
// The checker pages carry the job-offer engine; once loaded it also works offline.
const JobCheck = lazy(() => import("./site/jobcheck/JobCheck"));
const CompanyCheck = lazy(() => import("./site/jobcheck/CompanyCheck"));
const NumberCheck = lazy(() => import("./site/jobcheck/NumberCheck"));
// The report form and the status page, loaded on first visit.
const ReportForm = lazy(() => import("./site/report/ReportForm"));
const ReportStatus = lazy(() => import("./site/report/ReportStatus"));

export function App() {
  const { pathname } = useLocation();
  if (pathname === "/konsol" || pathname.startsWith("/konsol/")) {
    return (
      <Suspense fallback={<Loading />}>
        <Console />
      </Suspense>
    );
  }
  if (pathname === "/") return <Home />;
  if (pathname === "/masuk") return <SignIn />;
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
