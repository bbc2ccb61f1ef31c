// pino options: never log personal data. Query strings (searches by name) and bodies are not logged,
// and errors are logged through an allow-list: a failed query's parameters (drizzle puts them in the
// error's `params` and in its message, PostgreSQL in `detail`) would otherwise carry report texts,
// tracking codes, PIN hashes and usernames into the log.
import type { DestinationStream } from "pino";
import type { FastifyServerOptions } from "fastify";

/** Error fields that describe what went wrong without carrying the values involved. */
const SAFE_ERROR_FIELDS = ["code", "severity", "routine", "constraint", "table", "column", "dataType", "statusCode"] as const;

/**
 * An error's message without the values it may quote: drizzle's "Failed query: …\nparams: …" loses its
 * parameters (and the statement text, which names only columns but is long), and PostgreSQL's
 * `invalid input syntax for type uuid: "…"` loses the quoted input.
 */
export function scrubErrorMessage(message: string): string {
  let m = message;
  const params = m.indexOf("\nparams:");
  if (params >= 0) m = m.slice(0, params);
  if (m.startsWith("Failed query:")) m = "Failed query (statement and parameters not logged)";
  return m.replace(/(: )"[\s\S]*"$/, '$1"[redacted]"').replace(/(Key \().*?(\)=\().*?(\))/g, "$1…$2[redacted]$3");
}

/** A plain, loggable copy of an error: type, allow-listed fields, scrubbed message and stack, causes. */
export function safeError(err: unknown, depth = 0): Record<string, unknown> | string {
  if (!(err instanceof Error) && (typeof err !== "object" || err === null)) return typeof err;
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.constructor?.name ?? "Error" };
  for (const k of SAFE_ERROR_FIELDS) if (typeof e[k] === "string" || typeof e[k] === "number") out[k] = e[k];
  const message = typeof e.message === "string" ? scrubErrorMessage(e.message) : undefined;
  if (message !== undefined) out.message = message;
  if (typeof e.stack === "string") {
    const frames = e.stack.indexOf("\n    at ");
    out.stack = `${out.type}: ${message ?? ""}${frames >= 0 ? e.stack.slice(frames) : ""}`;
  }
  if (e.cause !== undefined && depth < 4) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** The one-line form of an error for plain-text logs (scheduler, CLI warnings). */
export function safeErrorMessage(err: unknown): string {
  return err instanceof Error ? scrubErrorMessage(err.message) : String(typeof err);
}

export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions["logger"] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "req.headers['x-csrf-token']",
        "res.headers['set-cookie']",
        "*.password",
        "*.pin",
        "*.nik",
      ],
      censor: "[redacted]",
    },
    serializers: {
      req(req: any) {
        return { method: req.method, url: String(req.url ?? "").split("?")[0], id: req.id };
      },
      err: (err: Error) => {
        const safe = safeError(err);
        return (typeof safe === "string" ? { type: safe, message: "", stack: "" } : safe) as {
          type: string;
          message: string;
          stack: string;
        };
      },
    },
  };
}
