import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { LEAFLET_NAMES, leafletPath } from "../../core/leaflets";
import { Link } from "../lib/router";
import { enabledFeatures } from "./features";
import { HotlineList } from "./HotlineList";
import { PublicLayout } from "./PublicLayout";

const SAFE_STEPS = ["register", "licensed", "contract", "visa", "training", "documents"] as const;
const WARNING_SIGNS = ["easyMoney", "noCost", "socialMedia", "touristVisa", "passport", "scam"] as const;

export function Home() {
  const { t } = useTranslation();
  const features = enabledFeatures();

  useEffect(() => {
    document.title = t("home.documentTitle");
  }, [t]);

  return (
    <PublicLayout>
      <section className="pub-hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("home.hero.title")}</h1>
        <p>{t("home.hero.lead")}</p>
        <a className="pub-button pub-button-light" href="#hotlines">
          {t("home.hero.cta")}
        </a>
      </section>

      {features.length > 0 && (
        <section className="pub-section" aria-labelledby="features-title">
          <h2 id="features-title">{t("home.features.title")}</h2>
          <ul className="pub-cards">
            {features.map((feature) => (
              <li key={feature.id}>
                <Link href={feature.path} className="pub-card-link">
                  <strong>{t(`home.features.${feature.id}.title`)}</strong>
                  <span>{t(`home.features.${feature.id}.body`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="pub-section" id="hotlines" aria-labelledby="hotlines-title">
        <h2 id="hotlines-title">{t("home.hotlines.title")}</h2>
        <p>{t("home.hotlines.lead")}</p>
        <HotlineList />
      </section>

      <section className="pub-section" id="leaflets" aria-labelledby="leaflets-title">
        <h2 id="leaflets-title">{t("home.leaflets.title")}</h2>
        <p>{t("home.leaflets.lead")}</p>
        <ul>
          {LEAFLET_NAMES.map((name) => (
            <li key={name}>
              <a href={leafletPath(name)} target="_blank" rel="noopener">
                {t(`home.leaflets.items.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section className="pub-section" aria-labelledby="programme-title">
        <h2 id="programme-title">{t("home.programme.title")}</h2>
        <div className="pub-cards">
          <article className="pub-card">
            <h3>{t("home.programme.desaBinaan.title")}</h3>
            <p>{t("home.programme.desaBinaan.body")}</p>
          </article>
          <article className="pub-card">
            <h3>{t("home.programme.taskForce.title")}</h3>
            <p>{t("home.programme.taskForce.body")}</p>
          </article>
        </div>
      </section>

      <section className="pub-section" aria-labelledby="safe-title">
        <h2 id="safe-title">{t("home.safe.title")}</h2>
        <p>{t("home.safe.lead")}</p>
        <ol className="pub-steps">
          {SAFE_STEPS.map((step) => (
            <li key={step}>
              <strong>{t(`home.safe.steps.${step}.title`)}</strong>
              <span>{t(`home.safe.steps.${step}.body`)}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="pub-section pub-warning" aria-labelledby="warning-title">
        <h2 id="warning-title">{t("home.warning.title")}</h2>
        <ul>
          {WARNING_SIGNS.map((sign) => (
            <li key={sign}>{t(`home.warning.signs.${sign}`)}</li>
          ))}
        </ul>
        <p>{t("home.warning.action")}</p>
      </section>
    </PublicLayout>
  );
}
