// "Cek Lowongan": paste a job offer (or send a screenshot or flyer), see its risk level, red flags and
// what to verify. The engine runs in the browser, so the page keeps working without a connection once
// loaded; it is fetched while the page is shown (not before), which keeps the page itself light. When
// online and the text names a company, the server adds the licensed-agency registry check. An image is
// read on the server (OCR) and its text comes back into the box, where it can be corrected.
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { JOB_TEXT_MAX, type JobCheckResult } from "../../../core/jobcheck/types";
import type { JobcheckResponse } from "../../../server/modules/jobcheck/jobcheck.schema";
import { ApiError, api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { Link } from "../../lib/router";
import { PUBLIC_FEATURES } from "../features";
import { HotlineList } from "../HotlineList";
import { describedControl, FieldFrame } from "../Field";
import { PublicLayout } from "../PublicLayout";
import "./jobcheck.css";

type Registry = "checking" | "checked" | "unchecked" | "none";
/** `reported`: numbers in the text that residents reported at least twice (the server knows; offline: none). */
type Outcome = { result: JobCheckResult; registry: Registry; reported?: { phone: string; count: number }[] };

/** "2027-03-31" → "31/03/2027" (Indonesian date order; registry dates are calendar dates, no time zone). */
function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return d && m && y ? `${d}/${m}/${y}` : iso;
}

/** The report form reads this when it opens, to pre-fill the offer text and the recruiter's numbers. */
export const REPORT_DRAFT_KEY = "simpul.reportDraft";

const loadEngine = () => import("../../../core/jobcheck");

function reportEnabled(): boolean {
  return PUBLIC_FEATURES.some((f) => f.id === "report" && f.enabled);
}

export default function JobCheck() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const run = useRef(0);
  const inputId = useId();
  const en = i18n.language === "en";

  const [reading, setReading] = useState(false);

  useEffect(() => {
    document.title = t("jobCheck.documentTitle");
  }, [t]);

  useEffect(() => {
    // Fetched while the person reads and types; a failure is retried when they press "Periksa".
    loadEngine().catch(() => undefined);
  }, []);

  async function readImage(file: File | undefined) {
    if (!file) return;
    setError(null);
    setReading(true);
    const current = ++run.current;
    try {
      const read = await api.upload<JobcheckResponse & { text: string }>("/api/public/jobcheck/image", file);
      if (run.current !== current) return;
      setText(read.text);
      setOutcome({
        result: read,
        registry: read.entities.companies.length === 0 ? "none" : read.registryUsed ? "checked" : "unchecked",
        reported: read.reportedPhones,
      });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (caught) {
      if (run.current !== current) return;
      if (caught instanceof ApiError && caught.code === "network") setError(t("jobCheck.imageOffline"));
      else setError(caught instanceof ApiError && caught.fields.image ? caught.fields.image : errorMessage(caught));
    } finally {
      if (run.current === current) setReading(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === "") return setError(t("jobCheck.errorEmpty"));
    if (text.length > JOB_TEXT_MAX) return setError(t("jobCheck.errorTooLong", { max: JOB_TEXT_MAX }));
    setError(null);
    let engine: Awaited<ReturnType<typeof loadEngine>>;
    try {
      engine = await loadEngine();
    } catch {
      return setError(t("jobCheck.engineOffline"));
    }
    const local = engine.checkJobOffer(text);
    const current = ++run.current;
    const hasCompany = local.entities.companies.length > 0 || /\b(?:sip3mi|p3mi|nomor izin|licen[cs]e)\b/i.test(text);
    // Offline, the local verdict is the answer: no request that can only fail (and fill the console with errors).
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    setOutcome({ result: local, registry: hasCompany ? (offline ? "unchecked" : "checking") : "none" });
    requestAnimationFrame(() => resultRef.current?.focus());
    if (offline || (!hasCompany && local.entities.phones.length === 0)) return;
    // Only the registry check and the reported numbers need the server; without a connection the local result stands.
    api
      .post<JobcheckResponse>("/api/public/jobcheck", { text })
      .then((remote) => {
        if (run.current !== current) return;
        const reported = remote.reportedPhones;
        if (!hasCompany) setOutcome({ result: local, registry: "none", reported });
        else if (!remote.registryUsed) setOutcome({ result: local, registry: "unchecked", reported });
        else setOutcome({ result: remote, registry: remote.registry.length > 0 ? "checked" : "none", reported });
      })
      .catch(() => {
        if (run.current === current) setOutcome({ result: local, registry: hasCompany ? "unchecked" : "none" });
      });
  }

  function reportOffer() {
    try {
      const draft = { offerText: text, level: outcome?.result.level, phones: outcome?.result.entities.phones ?? [] };
      window.sessionStorage.setItem(REPORT_DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // Storage may be unavailable (private browsing); the form then opens empty.
    }
  }

  const counterId = `${inputId}-count`;
  const described = { hint: t("jobCheck.hint"), error };
  const imageId = `${inputId}-image`;
  const imageHint = { hint: t("jobCheck.imageHint") };
  return (
    <PublicLayout>
      <section className="pub-section" aria-labelledby="jobcheck-title">
        <h1 id="jobcheck-title">{t("jobCheck.title")}</h1>
        <p>{t("jobCheck.lead")}</p>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FieldFrame id={inputId} label={t("jobCheck.label")} {...described}>
            <textarea
              {...describedControl(inputId, described, counterId)}
              className="jc-textarea"
              rows={8}
              value={text}
              maxLength={JOB_TEXT_MAX}
              onChange={(e) => setText(e.target.value)}
            />
            <p id={counterId} className="pub-hint jc-counter">
              {t("jobCheck.counter", { n: text.length, max: JOB_TEXT_MAX })}
            </p>
          </FieldFrame>
          <FieldFrame id={imageId} label={t("jobCheck.imageLabel")} {...imageHint}>
            <input
              {...describedControl(imageId, imageHint)}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              disabled={reading}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = "";
                void readImage(file);
              }}
            />
            {reading && (
              <p className="pub-hint" role="status">
                {t("jobCheck.imageReading")}
              </p>
            )}
          </FieldFrame>
          <div className="jc-actions">
            <button type="submit" className="pub-button" disabled={reading}>
              {t("jobCheck.submit")}
            </button>
            {text && (
              <button
                type="button"
                className="pub-button pub-button-outline"
                onClick={() => {
                  setText("");
                  setOutcome(null);
                  setError(null);
                }}
              >
                {t("jobCheck.clear")}
              </button>
            )}
          </div>
          <p className="pub-hint">{t("jobCheck.privacy")}</p>
        </form>
      </section>

      {outcome && (
        <section className="pub-section" aria-labelledby="jobcheck-result" aria-live="polite">
          <div className={`jc-level jc-level-${outcome.result.level}`} data-testid="jobcheck-level" data-level={outcome.result.level}>
            <h2 id="jobcheck-result" ref={resultRef} tabIndex={-1}>
              <span className="jc-level-icon" aria-hidden="true" />
              {t(`jobCheck.level.${outcome.result.level}.title`)}
            </h2>
            <p>{t(`jobCheck.level.${outcome.result.level}.body`)}</p>
            {outcome.result.awareness && <p>{t("jobCheck.awareness")}</p>}
          </div>

          {outcome.result.flags.length > 0 && (
            <>
              <h3 className="jc-subtitle">{t("jobCheck.flagsTitle", { n: outcome.result.flags.length })}</h3>
              <ul className="jc-flags">
                {outcome.result.flags.map((flag) => (
                  <li key={flag.code} className="jc-flag" data-flag={flag.code}>
                    <strong>{en ? flag.titleEn : flag.title}</strong>
                    <p>{en ? flag.explanationEn : flag.explanation}</p>
                    {flag.evidence.length > 0 && (
                      <p className="jc-evidence">
                        {t("jobCheck.evidence")}{" "}
                        {flag.evidence.slice(0, 3).map((e) => (
                          <q key={`${e.start}-${e.end}`}>{e.text}</q>
                        ))}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}

          {outcome.result.signals.length > 0 && (
            <>
              <h3 className="jc-subtitle">{t("jobCheck.signalsTitle")}</h3>
              <ul className="jc-signals">
                {outcome.result.signals.map((signal) => (
                  <li key={signal.code}>{en ? signal.titleEn : signal.title}</li>
                ))}
              </ul>
              <p className="pub-hint">{t("jobCheck.signalsNote")}</p>
            </>
          )}

          {outcome.reported && outcome.reported.length > 0 && (
            <ul className="jc-registry" data-testid="jobcheck-reported">
              {outcome.reported.map((r) => (
                <li key={r.phone} className="jc-registry-bad">
                  <strong>{t("jobCheck.reportedPhone", { phone: r.phone, n: r.count })}</strong>
                </li>
              ))}
            </ul>
          )}
          <p className="pub-hint" data-testid="jobcheck-registry">
            {t(`jobCheck.registry.${outcome.registry}`)}
          </p>
          {outcome.registry === "checked" && outcome.result.registry.length > 0 && (
            <ul className="jc-registry" data-testid="jobcheck-registry-list">
              {outcome.result.registry.map((r) => (
                <li
                  key={`${r.kind}-${r.query}`}
                  data-outcome={r.outcome}
                  className={`jc-registry-${r.outcome === "licensed" ? "ok" : "bad"}`}
                >
                  {t(`jobCheck.registry.kind.${r.kind}`)} <q>{r.query}</q>: <strong>{t(`jobCheck.registry.outcome.${r.outcome}`)}</strong>
                  {r.registeredName && r.outcome !== "not_found" && (
                    <span className="pub-hint">
                      {" "}
                      ({t("jobCheck.registry.registered", { name: r.registeredName })}
                      {r.licenceNumber ? `, ${t("jobCheck.registry.licenceNo", { number: r.licenceNumber })}` : ""}
                      {r.validUntil ? `, ${t("jobCheck.registry.validUntil", { date: formatDate(r.validUntil) })}` : ""})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}

          <h3 className="jc-subtitle">{t("jobCheck.adviceTitle")}</h3>
          <ul className="jc-advice">
            {(en ? outcome.result.adviceEn : outcome.result.advice).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            <Link href="/cek-perusahaan">{t("jobCheck.checkCompany")}</Link>
          </p>

          {reportEnabled() && (
            <p>
              <Link href="/lapor?dari=cek-lowongan" className="pub-button" onClick={reportOffer}>
                {t("jobCheck.report")}
              </Link>
            </p>
          )}
        </section>
      )}

      <section className="pub-section" aria-labelledby="jobcheck-hotlines">
        <h2 id="jobcheck-hotlines">{t("jobCheck.hotlinesTitle")}</h2>
        <HotlineList />
      </section>
    </PublicLayout>
  );
}
