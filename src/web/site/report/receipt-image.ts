// The receipt as a PNG drawn on a canvas on the phone (nothing is sent anywhere): saved to the
// gallery/downloads or shared to the person's own chat, so the PIN is not lost with the tab.
export interface ReceiptLines {
  title: string;
  codeLabel: string;
  code: string;
  pinLabel: string;
  pin: string;
  footer: string;
}

export function drawReceipt(lines: ReceiptLines): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = 720;
  canvas.height = 440;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no 2d context");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = "#0b5d4b";
  g.fillRect(0, 0, canvas.width, 84);
  g.fillStyle = "#ffffff";
  g.font = "bold 30px sans-serif";
  g.fillText(lines.title, 32, 54, canvas.width - 64);
  g.fillStyle = "#1a1a1a";
  g.font = "24px sans-serif";
  g.fillText(lines.codeLabel, 32, 140);
  g.fillText(lines.pinLabel, 32, 260);
  g.font = "bold 56px monospace";
  g.fillText(lines.code, 32, 206);
  g.fillText(lines.pin, 32, 326);
  g.font = "20px sans-serif";
  g.fillStyle = "#444444";
  g.fillText(lines.footer, 32, 400, canvas.width - 64);
  return canvas;
}

export function receiptPng(lines: ReceiptLines): Promise<Blob> {
  const canvas = drawReceipt(lines);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("toBlob failed"))), "image/png"),
  );
}

export function receiptFileName(code: string): string {
  return `simpul-laporan-${code.replace(/[^A-Za-z0-9-]/g, "")}.png`;
}

/** Starts a download of the PNG (saved to the phone's downloads or gallery). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
