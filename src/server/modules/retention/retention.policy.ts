// Who may act on data-subject requests. Deny by default. Erasure reaches every record of the regency
// (reports, cases, screenings, intelligence, volunteers), so it is the regency-wide coordinator's: the
// task force secretariat acts as the controller's privacy function. Administrators manage accounts and
// never see personal data; a coordinator limited to some kecamatan would erase beyond their area.
// Legal holds follow the cases policy ("legalHold").
import { definePolicy } from "../../auth/policy";
import { hasRole } from "../../auth/principal";

export const privacyPolicy = definePolicy<"erase", undefined>("privacy", {
  erase: (p) => hasRole(p, "coordinator") && p.jurisdiction === null,
});
