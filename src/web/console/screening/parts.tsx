// Small pieces shared by the screening pages: badges and country names in the reader's language.
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLORS: Record<string, string> = { decided: "teal", awaiting_review: "orange", awaiting_tiebreak: "red", final: "gray" };
const DECISION_COLORS: Record<string, string> = { issue: "teal", postpone: "orange", refuse: "red" };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? "gray"}>
      {t(`screening.statuses.${status}`)}
    </Badge>
  );
}

export function DecisionBadge({ decision }: { decision: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={DECISION_COLORS[decision] ?? "gray"}>
      {t(`screening.decisions.${decision}`)}
    </Badge>
  );
}

/** Country names from the browser's own data (Intl), so no list of names ships in the bundle. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([i18n.language === "en" ? "en" : "id"], { type: "region" });
  } catch {
    names = null;
  }
  return (code) => names?.of(code) ?? code;
}

/** Destinations offered in the form: the usual ones for Banten's migrants and the scam-compound countries. */
export const DESTINATIONS = [
  "MY",
  "SG",
  "BN",
  "HK",
  "TW",
  "JP",
  "KR",
  "CN",
  "TH",
  "VN",
  "KH",
  "MM",
  "LA",
  "PH",
  "SA",
  "AE",
  "QA",
  "KW",
  "OM",
  "BH",
  "JO",
  "TR",
  "PL",
  "DE",
  "NL",
  "GB",
  "AU",
  "NZ",
  "US",
] as const;
