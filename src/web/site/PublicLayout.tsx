import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "../lib/router";
import { LanguageSwitch } from "./LanguageSwitch";

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="pub">
      <a className="pub-skip" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="pub-header">
        <Link href="/" className="pub-brand">
          <span className="pub-logo" aria-hidden="true" />
          {t("app.name")}
        </Link>
        <nav className="pub-header-nav" aria-label={t("common.mainNav")}>
          <LanguageSwitch />
          <Link href="/masuk" className="pub-signin-link">
            {t("public.signIn")}
          </Link>
        </nav>
      </header>
      <main id="main" className="pub-main">
        {children}
      </main>
      <footer className="pub-footer">
        <p>{t("public.footer.about")}</p>
        <p>
          {t("public.footer.credits")}{" "}
          <a href="https://github.com/fityannugroho/idn-area-data" rel="noopener noreferrer">
            {t("public.footer.regionData")}
          </a>
        </p>
        <p>
          <Link href="/masuk">{t("public.footer.staff")}</Link>
        </p>
      </footer>
    </div>
  );
}
