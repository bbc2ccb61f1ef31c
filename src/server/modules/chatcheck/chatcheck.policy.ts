// Checking an exported village WhatsApp group for job offers: for the people who work with villages
// (volunteers, PIMPASA) and the coordinators who follow up. Nothing is stored, so there is no record scope.
import { definePolicy } from "../../auth/policy";
import { hasRole } from "../../auth/principal";

export const CHAT_CHECKERS = ["volunteer", "pimpasa", "coordinator"] as const;

export const chatCheckPolicy = definePolicy<"check", undefined>("chat-check", {
  check: (p) => hasRole(p, ...CHAT_CHECKERS),
});
