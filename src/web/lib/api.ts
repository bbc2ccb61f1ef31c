// The only place that talks HTTP to the Simpul API: same-origin cookies, JSON bodies,
// the CSRF header on every state-changing request, the chosen language as Accept-Language.
import i18next from "i18next";

export type ErrorCode =
  | "validation_failed"
  | "invalid_credentials"
  | "account_locked"
  | "account_disabled"
  | "challenge_expired"
  | "totp_required"
  | "invalid_totp"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "csrf_failed"
  | "rate_limited"
  | "conflict"
  | "database_unavailable"
  | "internal"
  | "network";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly fields: Record<string, string> = {},
    /** Extra facts the server sent with the error (e.g. attemptsLeft, retryAt). */
    readonly info: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The console registers this to send the user back to sign-in when the session ends. */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": i18next.language || "id",
  };
  const changesState = method !== "GET";
  // Some frameworks reject an empty JSON body, so state-changing calls always carry one.
  const payload = body === undefined && changesState ? {} : body;
  // A file goes as raw bytes with its own type (upload endpoints); everything else as JSON.
  const file = payload instanceof Blob ? payload : null;
  if (payload !== undefined) headers["Content-Type"] = file ? file.type || "application/octet-stream" : "application/json";
  if (changesState && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: file ?? (payload === undefined ? undefined : JSON.stringify(payload)),
    });
  } catch {
    throw new ApiError(0, "network", "");
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null)?.error;
    const code = error?.code ?? (response.status >= 500 ? "internal" : "unknown");
    const apiError = new ApiError(
      response.status,
      code,
      error?.message ?? response.statusText,
      error?.fields ?? {},
      (error ?? {}) as Record<string, unknown>,
    );
    if (code === "unauthenticated" && unauthenticatedHandler) unauthenticatedHandler();
    throw apiError;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
  /** POSTs a file as the raw request body (Content-Type from the file). */
  upload: <T>(path: string, file: Blob) => request<T>("POST", path, file),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
