// "Cek Perusahaan": is this placement company licensed (P3MI with a valid SIP3MI)?
// Searches the registry on the server by name or licence number.
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Agency } from "../../../server/modules/p3mi/p3mi.schema";
import { api, query } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { navigate, useLocation } from "../../lib/router";
import { Field, SubmitButton } from "../Field";
import { PublicLayout } from "../PublicLayout";
import "./jobcheck.css";

type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "done"; q: string; items: Agency[] }
  | { status: "error"; message: string };

function licenceState(a: Agency): "valid" | "expired" | "suspended" | "revoked" {
  if (a.status !== "active") return a.status;
  return a.expired ? "expired" : "valid";
}

export default function CompanyCheck() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const urlQuery = search.get("q") ?? "";
  const [q, setQ] = useState(urlQuery);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: "idle" });

  useEffect(() => {
    document.title = t("companyCheck.documentTitle");
  }, [t]);

  // The query lives in the address, so a result can be shared and survives a reload.
  useEffect(() => {
    if (urlQuery.trim().length < 2) return;
    let cancelled = false;
    setState({ status: "loading" });
    api
      .get<{ items: Agency[] }>(`/api/public/agencies${query({ q: urlQuery.trim() })}`)
      .then((r) => !cancelled && setState({ status: "done", q: urlQuery.trim(), items: r.items }))
      .catch((err) => !cancelled && setState({ status: "error", message: errorMessage(err) }));
    return () => {
      cancelled = true;
    };
  }, [urlQuery]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (q.trim().length < 2) return setError(t("companyCheck.errorShort"));
    setError(null);
    navigate(`/cek-perusahaan${query({ q: q.trim() })}`, { replace: true });
  }

  return (
    <PublicLayout>
      <section className="pub-section" aria-labelledby="company-title">
        <h1 id="company-title">{t("companyCheck.title")}</h1>
        <p>{t("companyCheck.lead")}</p>
        <form onSubmit={submit} noValidate>
          <Field
            label={t("companyCheck.label")}
            hint={t("companyCheck.hint")}
            type="search"
            value={q}
            maxLength={100}
            error={error}
            onChange={(e) => setQ(e.target.value)}
          />
          <SubmitButton busy={state.status === "loading"}>{t("companyCheck.submit")}</SubmitButton>
        </form>
      </section>

      <section className="pub-section" aria-live="polite" aria-label={t("companyCheck.resultsLabel")}>
        {state.status === "error" && (
          <p className="pub-alert" role="alert">
            {state.message}
          </p>
        )}
        {state.status === "done" && state.items.length === 0 && (
          <div className="jc-level jc-level-sedang">
            <h2>{t("companyCheck.notFoundTitle", { q: state.q })}</h2>
            <p>{t("companyCheck.notFoundBody")}</p>
          </div>
        )}
        {state.status === "done" && state.items.length > 0 && (
          <>
            <h2>{t("companyCheck.found", { n: state.items.length })}</h2>
            <ul className="jc-companies">
              {state.items.map((a) => {
                const licence = licenceState(a);
                return (
                  <li key={a.licenceNumber} className="jc-company">
                    <h3>{a.name}</h3>
                    <p className={`jc-badge jc-badge-${licence}`}>{t(`companyCheck.licence.${licence}`)}</p>
                    <dl>
                      <dt>{t("companyCheck.licenceNumber")}</dt>
                      <dd>{a.licenceNumber}</dd>
                      <dt>{t("companyCheck.validity")}</dt>
                      <dd>{t("companyCheck.validityRange", { from: formatDate(a.validFrom), until: formatDate(a.validUntil) })}</dd>
                      {a.headOfficeAddress && (
                        <>
                          <dt>{t("companyCheck.headOffice")}</dt>
                          <dd>{a.headOfficeAddress}</dd>
                        </>
                      )}
                      {a.branches.length > 0 && (
                        <>
                          <dt>{t("companyCheck.branches")}</dt>
                          <dd>
                            <ul>
                              {a.branches.map((b) => (
                                <li key={b}>{b}</li>
                              ))}
                            </ul>
                          </dd>
                        </>
                      )}
                      <dt>{t("companyCheck.source")}</dt>
                      <dd>{t("companyCheck.sourceValue", { source: a.source, date: formatDate(a.lastVerifiedOn) })}</dd>
                    </dl>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <p className="pub-hint">{t("companyCheck.disclaimer")}</p>
      </section>
    </PublicLayout>
  );
}
