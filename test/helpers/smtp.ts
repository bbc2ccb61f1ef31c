// A real local SMTP server for mail tests: records every accepted message; addresses starting with
// "penuh@" are refused with 452 (mailbox full) and recorded in `refused`.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string; data: string };

export type SmtpCapture = {
  url: string;
  received: CapturedMail[];
  refused: string[];
  close(): Promise<void>;
};

export async function startSmtpCapture(opts: { refuseFull?: boolean } = {}): Promise<SmtpCapture> {
  const received: CapturedMail[] = [];
  const refused: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, cb) {
      if (opts.refuseFull && address.address.startsWith("penuh@")) {
        refused.push(address.address);
        return cb(Object.assign(new Error("Mailbox full"), { responseCode: 452 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      let data = "";
      stream.on("data", (c) => (data += c.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
