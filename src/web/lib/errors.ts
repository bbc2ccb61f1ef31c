import i18next from "i18next";
import { ApiError } from "./api";

/** A message for people: our own translation for known codes, else the server's translated text. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (i18next.exists(key)) return i18next.t(key);
    if (error.message && error.code !== "unknown") return error.message;
  }
  return i18next.t("errors.internal");
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}
