// "Status laporan" (/lapor/status): tracking code + PIN → status and the timeline with public notes.
// A wrong code or PIN gets one neutral message that does not say which was wrong.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate, formatDateTime } from "../../lib/format";
import type { PublicStatus } from "../../lib/reports";
import { Link, useLocation } from "../../lib/router";
import { Field, SubmitButton } from "../Field";
import { PublicLayout } from "../PublicLayout";
import "./report.css";

export default function ReportStatus() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [code, setCode] = useState(() => search.get("kode") ?? "");
  const [pin, setPin] = useState("");
  const [errors, setErrors] = useState<{ code?: string; pin?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = t("reportStatus.documentTitle");
  }, [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      code: code.trim() ? undefined : t("reportStatus.errors.code"),
      pin: pin.trim() ? undefined : t("reportStatus.errors.pin"),
    };
    setErrors(found);
    if (found.code || found.pin) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.post<PublicStatus>("/api/public/reports/lookup", { trackingCode: code.trim(), pin: pin.trim() });
      setStatus(result);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (caught) {
      setStatus(null);
      // Wrong code and wrong PIN answer the same 404: one message, never which one, with the attempts left.
      let message: string;
      if (caught instanceof ApiError && caught.code === "pin_locked" && typeof caught.info.retryAt === "string") {
        message = t("reportStatus.locked", { time: formatDateTime(caught.info.retryAt) });
      } else if (caught instanceof ApiError && (caught.status === 404 || caught.code === "validation_failed")) {
        const left = caught.info.attemptsLeft;
        message =
          typeof left === "number"
            ? `${t("reportStatus.notFound")} ${t("reportStatus.attemptsLeft", { count: left })}`
            : t("reportStatus.notFound");
      } else {
        message = errorMessage(caught);
      }
      setProblem(message);
      requestAnimationFrame(() => alertRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicLayout>
      <section className="pub-section rp" aria-labelledby="status-title">
        <h1 id="status-title">{t("reportStatus.title")}</h1>
        <p>{t("reportStatus.lead")}</p>
        <form onSubmit={submit} noValidate className="pub-narrow">
          {problem && (
            <div className="pub-alert" role="alert" tabIndex={-1} ref={alertRef}>
              {problem}
            </div>
          )}
          <Field
            label={t("reportStatus.code")}
            hint={t("reportStatus.codeHint")}
            value={code}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={30}
            error={errors.code}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <Field
            label={t("reportStatus.pin")}
            value={pin}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            error={errors.pin}
            onChange={(event) => setPin(event.currentTarget.value)}
          />
          <SubmitButton busy={busy} block>
            {t("reportStatus.submit")}
          </SubmitButton>
        </form>
        <p>
          <Link href="/lapor">{t("reportStatus.newReport")}</Link>
        </p>
      </section>

      {status && (
        <section className="pub-section rp" aria-labelledby="status-result" aria-live="polite">
          <h2 id="status-result" ref={resultRef} tabIndex={-1}>
            {t("reportStatus.resultTitle", { code: status.trackingCode })}
          </h2>
          <dl className="rp-facts">
            <div>
              <dt>{t("reportStatus.status")}</dt>
              <dd>
                <strong className={`rp-status rp-status-${status.status}`} data-testid="report-status">
                  {t(`reportStatus.statuses.${status.status}`)}
                </strong>
              </dd>
            </div>
            <div>
              <dt>{t("reportStatus.category")}</dt>
              <dd>{t(`report.category.${status.category}.label`)}</dd>
            </div>
            <div>
              <dt>{t("reportStatus.received")}</dt>
              <dd>{formatDate(status.receivedAt)}</dd>
            </div>
            {status.outcome && (
              <div>
                <dt>{t("reportStatus.outcome")}</dt>
                <dd>{t(`reportStatus.outcomes.${status.outcome}`)}</dd>
              </div>
            )}
          </dl>
          <p className="pub-hint">{t(`reportStatus.explain.${status.status}`)}</p>
          <h3>{t("reportStatus.timeline")}</h3>
          <ol className="rp-timeline">
            {status.timeline.map((event, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only and has no ids in public
              <li key={index}>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                <strong>{t(`reportStatus.events.${event.kind}`)}</strong>
                {event.agency && <span>{t("reportStatus.agency", { name: event.agency })}</span>}
                {event.note && <p className="rp-note">{event.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </PublicLayout>
  );
}
