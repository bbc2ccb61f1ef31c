// pino options: never log personal data. Query strings (searches by name) and bodies are not logged.
import type { FastifyServerOptions } from "fastify";

export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-csrf-token']", "res.headers['set-cookie']", "*.password", "*.pin", "*.nik"],
      censor: "[redacted]",
    },
    serializers: {
      req(req: any) {
        return { method: req.method, url: String(req.url ?? "").split("?")[0], id: req.id };
      },
    },
  };
}
