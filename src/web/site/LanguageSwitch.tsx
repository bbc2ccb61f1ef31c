import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGES, setLanguage } from "../i18n";

/** Plain buttons (no UI kit) so the public pages stay light. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const active = i18n.language === "en" ? "en" : currentLanguage();
  return (
    <fieldset className={`pub-lang ${className ?? ""}`}>
      <legend className="pub-sr">{t("language.label")}</legend>
      {LANGUAGES.map((language) => (
        <button key={language} type="button" lang={language} aria-pressed={active === language} onClick={() => void setLanguage(language)}>
          {t(`language.short.${language}`)}
          <span className="pub-sr"> {t(`language.name.${language}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
