// Shown after a report is stored: the tracking code and the PIN, big, with copy, save-as-image and
// share. It stays on this phone (draft.ts) until the person says they have saved it, because the PIN
// is never shown again (the server keeps only its hash).
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportCreated } from "../../lib/reports";
import { Link } from "../../lib/router";
import { downloadBlob, type ReceiptLines, receiptFileName, receiptPng } from "./receipt-image";

type Status = "copied" | "copyFailed" | "saved" | "shareFailed" | null;

export default function ReportReceipt({ receipt, onDone }: { receipt: ReportCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const canShare = typeof navigator !== "undefined" && typeof navigator.share === "function";
  const text = t("report.receipt.copyText", { code: receipt.trackingCode, pin: receipt.pin });

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const lines = (): ReceiptLines => ({
    title: t("report.receipt.imageTitle"),
    codeLabel: t("report.receipt.code"),
    code: receipt.trackingCode,
    pinLabel: t("report.receipt.pin"),
    pin: receipt.pin,
    footer: t("report.receipt.imageFooter", { url: `${window.location.origin}/lapor/status` }),
  });

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("copyFailed");
    }
  }

  async function save() {
    try {
      downloadBlob(await receiptPng(lines()), receiptFileName(receipt.trackingCode));
      setStatus("saved");
    } catch {
      setStatus("copyFailed");
    }
  }

  async function share() {
    try {
      const file = new File([await receiptPng(lines())], receiptFileName(receipt.trackingCode), { type: "image/png" });
      const withFile = typeof navigator.canShare === "function" && navigator.canShare({ files: [file] });
      await navigator.share(
        withFile ? { title: t("report.receipt.imageTitle"), text, files: [file] } : { title: t("report.receipt.imageTitle"), text },
      );
    } catch (caught) {
      // Closing the share sheet is not a failure.
      if ((caught as Error)?.name !== "AbortError") setStatus("shareFailed");
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
        <div className="rp-receipt-actions">
          <button type="button" className="pub-button pub-button-outline" onClick={() => void copy()}>
            {status === "copied" ? t("common.copied") : t("report.receipt.copy")}
          </button>
          <button type="button" className="pub-button pub-button-outline" onClick={() => void save()}>
            {t("report.receipt.saveImage")}
          </button>
          {canShare && (
            <button type="button" className="pub-button pub-button-outline" onClick={() => void share()}>
              {t("report.receipt.share")}
            </button>
          )}
        </div>
        <p className="pub-hint" role="status">
          {status === "copyFailed" ? t("report.receipt.copyFailed") : ""}
          {status === "saved" ? t("report.receipt.savedImage") : ""}
          {status === "shareFailed" ? t("report.receipt.shareFailed") : ""}
        </p>
        <p className="pub-hint">{t("report.receipt.keptHere")}</p>
      </div>
      <p>{t("report.receipt.next")}</p>
      <p>
        <Link href={`/lapor/status?kode=${encodeURIComponent(receipt.trackingCode)}`} className="pub-button">
          {t("report.receipt.track")}
        </Link>
      </p>
      <p>
        <button type="button" className="pub-link-button" onClick={onDone}>
          {t("report.receipt.done")}
        </button>
      </p>
      <p>
        <Link href="/">{t("notFound.home")}</Link>
      </p>
    </section>
  );
}
