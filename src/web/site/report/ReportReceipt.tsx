// Shown once after a report is stored: the tracking code and the PIN, big, with a copy button.
// The PIN is never shown again (the server keeps only its hash).
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportCreated } from "../../lib/reports";
import { Link } from "../../lib/router";

export function ReportReceipt({ receipt }: { receipt: ReportCreated }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    const text = t("report.receipt.copyText", { code: receipt.trackingCode, pin: receipt.pin });
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="pub-section rp" aria-labelledby="receipt-title">
      <h1 id="receipt-title" ref={heading} tabIndex={-1}>
        {t("report.receipt.title")}
      </h1>
      <p>{t("report.receipt.lead")}</p>
      <div className="rp-receipt" data-testid="report-receipt">
        <dl>
          <div>
            <dt>{t("report.receipt.code")}</dt>
            <dd className="rp-big" data-testid="tracking-code">
              {receipt.trackingCode}
            </dd>
          </div>
          <div>
            <dt>{t("report.receipt.pin")}</dt>
            <dd className="rp-big" data-testid="tracking-pin">
              {receipt.pin}
            </dd>
          </div>
        </dl>
        <p className="rp-write-down">{t("report.receipt.writeDown")}</p>
        <button type="button" className="pub-button pub-button-outline" onClick={() => void copy()}>
          {copied ? t("common.copied") : t("report.receipt.copy")}
        </button>
        <p className="pub-hint" role="status">
          {copied === false ? t("report.receipt.copyFailed") : ""}
        </p>
      </div>
      <p>{t("report.receipt.next")}</p>
      <p>
        <Link href={`/lapor/status?kode=${encodeURIComponent(receipt.trackingCode)}`} className="pub-button">
          {t("report.receipt.track")}
        </Link>
      </p>
      <p>
        <Link href="/">{t("notFound.home")}</Link>
      </p>
    </section>
  );
}
