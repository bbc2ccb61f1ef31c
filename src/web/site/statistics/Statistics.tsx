// "Statistik": the last twelve complete months of public reports, outreach and cases, as the server
// publishes them (small counts hidden, the rest rounded: src/server/modules/opendata/opendata.suppress.ts),
// with each table's CSV. Plain tables, no chart library: the public pages stay light.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime, formatNumber, formatPartialDate } from "../../lib/format";
import { PublicLayout } from "../PublicLayout";
import "./statistics.css";

type Count = number | null;
type Table = {
  id: string;
  rows: string[];
  columns: { key: string; label: string }[];
  cells: Count[][];
  rowTotals: Count[];
  columnTotals: Count[];
  total: Count;
};
type Statistics = { generatedAt: string; period: { from: string; to: string }; threshold: number; roundingBase: number; tables: Table[] };
type State = { status: "loading" } | { status: "error"; message: string } | { status: "done"; data: Statistics };

export default function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    document.title = t("statistics.documentTitle");
  }, [t]);

  // Column labels (kecamatan, report types) come in the chosen language: asked again when it changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `i18n.language` forces a refetch in the new language
  useEffect(() => {
    let live = true;
    api
      .get<Statistics>("/api/public/statistics")
      .then((data) => live && setState({ status: "done", data }))
      .catch((err) => live && setState({ status: "error", message: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [i18n.language]);

  return (
    <PublicLayout>
      <section className="pub-section" aria-labelledby="stat-title">
        <h1 id="stat-title">{t("statistics.title")}</h1>
        {state.status === "loading" && (
          <p className="pub-loading" role="status">
            {t("statistics.loading")}
          </p>
        )}
        {state.status === "error" && (
          <p className="pub-alert" role="alert">
            {state.message}
          </p>
        )}
        {state.status === "done" && (
          <>
            <p>{t("statistics.lead", { from: formatPartialDate(state.data.period.from), to: formatPartialDate(state.data.period.to) })}</p>
            <About threshold={state.data.threshold - 1} base={state.data.roundingBase} />
          </>
        )}
      </section>
      {state.status === "done" && (
        <>
          {state.data.tables.map((table) => (
            <StatTable key={table.id} table={table} />
          ))}
          <section className="pub-section">
            <p className="pub-hint">{t("statistics.source", { at: formatDateTime(state.data.generatedAt) })}</p>
          </section>
        </>
      )}
    </PublicLayout>
  );
}

function About({ threshold, base }: { threshold: number; base: number }) {
  const { t } = useTranslation();
  return (
    <details className="stat-about">
      <summary>{t("statistics.about.title")}</summary>
      <p>{t("statistics.about.small", { threshold })}</p>
      <p>{t("statistics.about.rounding", { base })}</p>
      <p>{t("statistics.about.cases")}</p>
      <p>{t("statistics.about.csv")}</p>
    </details>
  );
}

function Value({ v }: { v: Count }) {
  const { t } = useTranslation();
  if (v === null) {
    return (
      <abbr className="stat-hidden" title={t("statistics.hiddenLabel")}>
        {t("statistics.hidden")}
      </abbr>
    );
  }
  return <>{formatNumber(v)}</>;
}

function StatTable({ table }: { table: Table }) {
  const { t } = useTranslation();
  const titleId = `stat-${table.id}`;
  // A one-column table (cases) has its row totals equal to its cells: shown once.
  const single = table.columns.length === 1;
  return (
    <section className="pub-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`statistics.tables.${table.id}`)}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <div className="stat-scroll" tabIndex={0}>
        <table className="stat-table">
          <thead>
            <tr>
              <th scope="col">{t("statistics.month")}</th>
              {table.columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
              {!single && <th scope="col">{t("statistics.total")}</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((month, i) => (
              <tr key={month}>
                <th scope="row">{formatPartialDate(month)}</th>
                {table.cells[i]!.map((v, j) => (
                  <td key={table.columns[j]!.key}>
                    <Value v={v} />
                  </td>
                ))}
                {!single && (
                  <td className="stat-total">
                    <Value v={table.rowTotals[i]!} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("statistics.total")}</th>
              {table.columnTotals.map((v, j) => (
                <td key={table.columns[j]!.key} className="stat-total">
                  <Value v={v} />
                </td>
              ))}
              {!single && (
                <td className="stat-total">
                  <Value v={table.total} />
                </td>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
      <p>
        <a href={`/api/public/statistics/${table.id}.csv`} download>
          {t("statistics.download")}
        </a>
      </p>
    </section>
  );
}
