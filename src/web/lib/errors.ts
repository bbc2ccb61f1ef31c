import i18next from "i18next";
import { ApiError } from "./api";

/**
 * A message for people. The server already translates its messages per Accept-Language (from
 * the shared catalogue in src/core/i18n), so its text wins; our own catalogue covers what the
 * server cannot say (network failures, empty or non-JSON error bodies).
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code !== "network" && error.code !== "unknown" && error.message && error.message !== error.code) {
      return error.message;
    }
    const key = `errors.${error.code}`;
    if (i18next.exists(key)) return i18next.t(key);
  }
  return i18next.t("errors.internal");
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}
