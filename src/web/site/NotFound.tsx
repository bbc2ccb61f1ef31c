import { useTranslation } from "react-i18next";
import { Link } from "../lib/router";
import { PublicLayout } from "./PublicLayout";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <section className="pub-section">
        <h1>{t("notFound.title")}</h1>
        <p>{t("notFound.body")}</p>
        <p>
          <Link href="/" className="pub-button">
            {t("notFound.home")}
          </Link>
        </p>
      </section>
    </PublicLayout>
  );
}
