import { useTranslation } from "react-i18next";
import { HOTLINES } from "./hotlines";

/** The official hotlines, dialable with one tap (on the home page and under the job check). */
export function HotlineList() {
  const { t } = useTranslation();
  return (
    <ul className="pub-hotlines">
      {HOTLINES.map((hotline) => (
        <li key={hotline.id} className="pub-hotline">
          <h3>{t(`home.hotlines.${hotline.id}.name`)}</h3>
          <p>{t(`home.hotlines.${hotline.id}.body`)}</p>
          <div className="pub-hotline-actions">
            {hotline.tel && (
              <a className="pub-button" href={`tel:${hotline.tel}`}>
                {t("home.hotlines.call", { number: hotline.phone })}
              </a>
            )}
            {hotline.whatsappIntl && (
              <a className="pub-button pub-button-outline" href={`https://wa.me/${hotline.whatsappIntl}`} rel="noopener noreferrer">
                {t("home.hotlines.whatsapp", { number: hotline.whatsapp })}
              </a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
