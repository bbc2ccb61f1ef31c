// One error type with stable machine codes; the error handler turns it into a translated response.
import type { ErrorCode, FieldMessageCode } from "../../core/i18n/errors";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_credentials: 401,
  account_locked: 423,
  account_disabled: 403,
  totp_required: 401,
  invalid_totp: 401,
  challenge_expired: 401,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  pin_wrong: 404,
  pin_locked: 429,
  region_not_found: 404,
  route_not_found: 404,
  csrf_failed: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  conflict: 409,
  username_taken: 409,
  agency_code_taken: 409,
  invalid_transition: 409,
  case_closed: 409,
  not_reviewable: 409,
  unsupported_file_type: 415,
  pdf_not_cleanable: 400,
  ocr_busy: 503,
  database_unavailable: 503,
  internal: 500,
};

export type FieldIssue = { code: FieldMessageCode; params?: Record<string, string | number> };

export class AppError extends Error {
  readonly status: number;
  /** Extra machine-readable facts for the client (e.g. attemptsLeft, retryAt); never personal data. */
  info?: Record<string, string | number>;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, FieldIssue>,
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

export function notFound(): AppError {
  return new AppError("not_found");
}

export function invalid(fields: Record<string, FieldIssue>): AppError {
  return new AppError("validation_failed", fields);
}
