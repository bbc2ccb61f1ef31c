import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { adoptAccountLanguage } from "../i18n";
import { ApiError, api } from "../lib/api";
import { errorMessage, fieldErrors } from "../lib/errors";
import { navigate, safeNextPath, useLocation } from "../lib/router";
import { setSession } from "../lib/session";
import type { LoginResponse, SessionResponse } from "../lib/types";
import { Field, SubmitButton } from "./Field";
import { PublicLayout } from "./PublicLayout";

type Step =
  | { kind: "password" }
  | { kind: "totp"; challenge: string }
  | { kind: "enrol"; challenge: string; secret: string; otpauthUri: string; qrSvg: string };

/** Errors after which the challenge cannot be used again. */
const RESTART_CODES = new Set(["challenge_expired", "unauthenticated", "totp_required", "account_locked", "account_disabled"]);

/** Groups a base32 secret in fours so it can be typed into an authenticator app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}

export default function SignIn() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const next = safeNextPath(search.get("next"), "/konsol");
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t("signIn.documentTitle");
  }, [t]);

  useEffect(() => {
    if (step.kind === "totp") codeRef.current?.focus();
    else if (step.kind === "enrol") headingRef.current?.focus();
  }, [step.kind]);

  async function finish(result: SessionResponse) {
    setSession(result.user, result.csrfToken);
    await adoptAccountLanguage(result.user.locale);
    navigate(next, { replace: true });
  }

  function fail(caught: unknown) {
    setError(errorMessage(caught));
    setFields(fieldErrors(caught));
  }

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const result = await api.post<LoginResponse>("/api/auth/login", { username: username.trim(), password });
      setPassword("");
      if (result.status === "ok") await finish(result);
      else if (result.status === "totp_required") setStep({ kind: "totp", challenge: result.challenge });
      else setStep({ kind: "enrol", ...result });
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (step.kind === "password") return;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const result = await api.post<SessionResponse>("/api/auth/totp", {
        challenge: step.challenge,
        code: code.replace(/\s+/g, ""),
      });
      await finish(result);
    } catch (caught) {
      setCode("");
      // An expired or unknown challenge cannot be retried: start again from the password.
      if (caught instanceof ApiError && RESTART_CODES.has(caught.code)) {
        setStep({ kind: "password" });
      }
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    setStep({ kind: "password" });
    setCode("");
    setError(null);
    setFields({});
  }

  const alert = error && (
    <div className="pub-alert" role="alert">
      {error}
    </div>
  );

  /** The end of both code forms: the code, the button that sends it, and the way back to the password. */
  const codeEnd = (submitLabel: string) => (
    <>
      <Field
        ref={codeRef}
        label={t("signIn.code")}
        hint={t("signIn.codeHint")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fields.code}
      />
      <SubmitButton busy={busy} block>
        {submitLabel}
      </SubmitButton>
      <button className="pub-link-button" type="button" onClick={restart}>
        {t("signIn.back")}
      </button>
    </>
  );

  return (
    <PublicLayout>
      <section className="pub-section pub-narrow">
        {step.kind === "password" && (
          <form onSubmit={submitPassword} noValidate>
            <h1>{t("signIn.title")}</h1>
            <p>{t("signIn.lead")}</p>
            {alert}
            <Field
              label={t("signIn.username")}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              error={fields.username}
            />
            <Field
              label={t("signIn.password")}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fields.password}
            />
            <SubmitButton busy={busy} block>
              {t("signIn.submit")}
            </SubmitButton>
          </form>
        )}

        {step.kind === "totp" && (
          <form onSubmit={submitCode} noValidate>
            <h1>{t("signIn.totpTitle")}</h1>
            <p>{t("signIn.totpLead")}</p>
            {alert}
            {codeEnd(t("signIn.verify"))}
          </form>
        )}

        {step.kind === "enrol" && (
          <form onSubmit={submitCode} noValidate>
            <h1 ref={headingRef} tabIndex={-1}>
              {t("signIn.enrolTitle")}
            </h1>
            <p>{t("signIn.enrolLead")}</p>
            {alert}
            <ol className="pub-enrol-steps">
              <li>{t("signIn.enrolStep1")}</li>
              <li>
                {t("signIn.enrolStep2")}
                <img
                  className="pub-qr"
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(step.qrSvg)}`}
                  alt={t("signIn.qrAlt")}
                  width={200}
                  height={200}
                />
                <p>{t("signIn.manualEntry")}</p>
                <code className="pub-secret" data-testid="totp-secret">
                  {groupSecret(step.secret)}
                </code>
                <p>
                  <a href={step.otpauthUri}>{t("signIn.openInApp")}</a>
                </p>
              </li>
              <li>{t("signIn.enrolStep3")}</li>
            </ol>
            {codeEnd(t("signIn.activate"))}
          </form>
        )}
      </section>
    </PublicLayout>
  );
}
