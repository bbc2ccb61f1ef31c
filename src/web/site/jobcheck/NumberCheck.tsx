// "Cek Nomor / Rekening": has this phone number or bank account been reported as a recruiter's? The
// server says only "reported N times" from two reports on, never which reports or what they say.
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorMessage, fieldErrors } from "../../lib/errors";
import { formatNumber } from "../../lib/format";
import { Link } from "../../lib/router";
import { Field, SubmitButton } from "../Field";
import { PublicLayout } from "../PublicLayout";
import "./jobcheck.css";

type Kind = "phone" | "bank_account";
type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "done"; reported: boolean; count: number | null }
  | { status: "error"; message: string };

export default function NumberCheck() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>("phone");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: "idle" });

  useEffect(() => {
    document.title = t("numberCheck.documentTitle");
  }, [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (value.replace(/\D/g, "").length < 6) return setError(t("numberCheck.errorShort"));
    setError(null);
    setState({ status: "loading" });
    try {
      const r = await api.post<{ reported: boolean; count: number | null }>("/api/public/identifier-check", { kind, value: value.trim() });
      setState({ status: "done", ...r });
    } catch (err) {
      const fields = fieldErrors(err);
      if (fields.value) {
        setError(fields.value);
        setState({ status: "idle" });
      } else setState({ status: "error", message: errorMessage(err) });
    }
  }

  return (
    <PublicLayout>
      <section className="pub-section" aria-labelledby="number-title">
        <h1 id="number-title">{t("numberCheck.title")}</h1>
        <p>{t("numberCheck.lead")}</p>
        <form onSubmit={submit} noValidate>
          <fieldset className="jc-kind">
            <legend>{t("numberCheck.kind")}</legend>
            {(["phone", "bank_account"] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`numberCheck.kinds.${k}`)}
              </label>
            ))}
          </fieldset>
          <Field
            label={t(`numberCheck.label.${kind}`)}
            inputMode={kind === "phone" ? "tel" : "numeric"}
            value={value}
            maxLength={40}
            error={error}
            onChange={(e) => setValue(e.target.value)}
          />
          <SubmitButton busy={state.status === "loading"}>{t("numberCheck.submit")}</SubmitButton>
        </form>
      </section>
      <section className="pub-section" aria-live="polite" aria-label={t("numberCheck.resultLabel")}>
        {state.status === "error" && (
          <p className="pub-alert" role="alert">
            {state.message}
          </p>
        )}
        {state.status === "done" &&
          (state.reported ? (
            <div className="jc-level jc-level-tinggi" data-testid="number-reported">
              <h2>{t("numberCheck.reported", { n: formatNumber(state.count ?? 0) })}</h2>
              <p>{t("numberCheck.reportedBody")}</p>
            </div>
          ) : (
            <div className="jc-level jc-level-sedang" data-testid="number-not-reported">
              <h2>{t("numberCheck.notReported")}</h2>
              <p>{t("numberCheck.notReportedBody")}</p>
            </div>
          ))}
        <p className="pub-hint">
          <Link href="/lapor">{t("numberCheck.reportLink")}</Link>
        </p>
      </section>
    </PublicLayout>
  );
}
