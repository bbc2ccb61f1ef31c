// Recognises "the database is gone" across node-postgres and PGlite, so requests answer 503 instead of 500.
// 57014: statement_timeout (a statement the database could not finish in time), 25P03: the session was ended
// by idle_in_transaction_session_timeout.
const PG_UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03", "57014", "25P03", "08000", "08001", "08003", "08004", "08006", "53300"]);
const NET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"]);

export function isDatabaseUnavailable(err: unknown): boolean {
  let e: any = err;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause) {
    if (typeof e.code === "string" && (PG_UNAVAILABLE_CODES.has(e.code) || NET_CODES.has(e.code))) return true;
    const msg = typeof e.message === "string" ? e.message : "";
    if (
      /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|connection is closed|Cannot use a pool after calling end/i.test(
        msg,
      )
    )
      return true;
  }
  return false;
}
