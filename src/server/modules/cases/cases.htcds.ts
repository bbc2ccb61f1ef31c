// HTCDS 2.0 export: each record uses the "Field Name including Prefix" names and picklist value names
// verbatim. Simpul's Indonesian extensions (NIK-independent ones: desa, PMI status, UU 21/2007 articles,
// referral status…) travel in a separate `extensions` object per record with `idn_` names, so an
// HTCDS consumer can ignore them. Identity fields appear only when the caller may see them.
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { type CaseAccess, casePolicy } from "./cases.policy";
import { agencyRefs, type CaseRow, caseRecordRows, userRefs } from "./cases.repo";
import type { SERVICE_TYPES } from "../../../core/cases";
import { HTCDS_CREDIT } from "../../../core/htcds-values";
import { openPerson, openText } from "./cases.persons";
import type { Principal } from "../../auth/principal";
import { csvField } from "../../lib/csv";

export { HTCDS_CREDIT };

type Value = string | number | boolean | string[] | null;
export type HtcdsRecord = Record<string, Value> & { extensions?: Record<string, Value> };
export type HtcdsCase = {
  case: HtcdsRecord;
  victims: HtcdsRecord[];
  perpetrators: HtcdsRecord[];
  referrals: HtcdsRecord[];
  events: HtcdsRecord[];
  supportPlans: HtcdsRecord[];
  consents: HtcdsRecord[];
  comments: HtcdsRecord[];
};

const GENDER = { female: "Feminine", male: "Masculine", unknown: "NonSpecifiedUnknown" } as const;
const TRAFFICKING_STATUS = {
  potential: "PossibleVictimOfTrafficking",
  presumed: "PossibleVictimOfTrafficking",
  confirmed: "ActualVictimOfTrafficking",
  not_victim: "NotAVictimOfTrafficking",
} as const;
/** HTCDS spl_Type has no shelter, repatriation or reintegration: they are social care. */
const SUPPORT_TYPE: Record<(typeof SERVICE_TYPES)[number], string> = {
  shelter: "SocialCare",
  health: "Health",
  psychosocial: "SocialCare",
  legal_aid: "Legal",
  restitution: "Legal",
  repatriation: "SocialCare",
  reintegration: "SocialCare",
  livelihood: "Livelihood",
};

const union = (lists: string[][]) => [...new Set(lists.flat())];
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
/** Drops null and empty values so a record holds only what is known. */
function clean(r: Record<string, Value | Record<string, Value> | undefined>): HtcdsRecord {
  const out: HtcdsRecord = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (k === "extensions") {
      const ext = clean(v as Record<string, Value>);
      if (Object.keys(ext).length) out.extensions = ext as Record<string, Value>;
    } else (out as Record<string, Value>)[k] = v as Value;
  }
  return out;
}

export async function htcdsCase(ctx: AppContext, db: Db, p: Principal, c: CaseRow, a: CaseAccess): Promise<HtcdsCase> {
  const identity = casePolicy.can(p, "readIdentity", a);
  const narrative = casePolicy.can(p, "readNarrative", a);
  const serviceOnly = a.level === "referral" && a.scope === "service";
  // One query at a time: the export runs this inside its audit transaction, a single connection.
  const { persons, events, services, legal, notes, consents, referrals } = await caseRecordRows(db, c.id);
  const owners = await userRefs(db, [c.ownerId, ...referrals.map((r) => r.assignedUserId ?? "").filter(Boolean)]);
  const ags = await agencyRefs(db, [
    ...referrals.flatMap((r) => [r.fromAgencyId, r.toAgencyId]),
    ...services.map((s) => s.providerAgencyId),
    ...consents.map((x) => x.agencyId),
  ]);
  const visibleEvents = serviceOnly ? [] : events;
  const visibleServices = serviceOnly && a.level === "referral" ? services.filter((s) => a.serviceIds.includes(s.id)) : services;

  const person = (row: (typeof persons)[number]) => {
    const o = identity ? openPerson(ctx.keys, row) : undefined;
    return {
      prs_FirstName: o?.name ?? null,
      prs_Birthdate: o?.birthDate ?? null,
      prs_Gender: GENDER[row.sex],
      prs_Citizenship: row.citizenship,
      prs_IdentityNumber: o?.nik ?? null,
      prs_MobilePhone: o?.phones[0] ?? null,
      prs_HomePhone: o?.phones[1] ?? null,
      prs_MailingStreet: o?.address ?? null,
      prs_MailingCountry: row.desaCode ? "ID" : null,
    };
  };

  const victims = persons
    .filter((x) => x.kind === "victim")
    .map((row) =>
      clean({
        ...person(row),
        vic_TraffickingStatus: TRAFFICKING_STATUS[c.traffickingStatus],
        vic_TraffickingStatusDecisionMakingOrg: c.traffickingStatusOrg,
        vic_RelationshipToTrafficker: row.relationshipToTrafficker,
        vic_AgeWhenTrafficked: row.ageWhenTrafficked,
        vic_RecruitmentWebsitesAndApps: union(visibleEvents.map((e) => e.recruitmentApps)),
        vic_MethodOfRecruitment: union(visibleEvents.map((e) => e.recruitmentMethods)),
        vic_MethodsOfControl: union(visibleEvents.map((e) => e.controlMethods)),
        vic_TypeOfExploitation: union(visibleEvents.map((e) => e.exploitationTypes)),
        vic_ForcedLabourIndustry: visibleEvents.find((e) => e.forcedLabourIndustry)?.forcedLabourIndustry ?? null,
        extensions: {
          idn_AgeBand: row.ageBand,
          idn_DesaCode: row.desaCode,
          idn_PmiStatus: row.pmiStatus,
          idn_TraffickingStatusDetail: c.traffickingStatus,
        },
      }),
    );

  const perpetrators = narrative
    ? persons
        .filter((x) => x.kind === "perpetrator")
        .map((row) => {
          const o = identity ? openPerson(ctx.keys, row) : undefined;
          return clean({
            ...person(row),
            per_RoleInProcess: row.perpetratorRoles,
            extensions: { idn_Aliases: o?.aliases ?? [], idn_BankAccounts: o?.bankAccounts ?? [], idn_Companies: row.companies },
          });
        })
    : [];

  const name = (id: string | null) => (id ? (ags.get(id)?.name ?? null) : null);
  return {
    case: clean({
      cas_Status: c.status === "closed" ? (c.closureReason === "referred_elsewhere" ? "ClosedReferred" : "Closed") : "Active",
      cas_ReasonForCaseClosure: c.closureReason
        ? [c.closureReason, narrative ? openText(ctx.keys, c.closureNoteEnc) : null].filter(Boolean).join(": ")
        : null,
      cas_CaseOwner: owners.get(c.ownerId)?.displayName ?? null,
      extensions: {
        idn_CaseCode: c.code,
        idn_Origin: c.origin,
        idn_CaseStatus: c.status,
        idn_Priority: c.priority,
        idn_RegionCode: c.regionCode,
        idn_Uu21Articles: serviceOnly ? [] : union(legal.map((l) => l.articles)),
        idn_LegalStages: serviceOnly ? [] : legal.map((l) => `${l.stage}@${l.date}`),
      },
    }),
    victims,
    perpetrators,
    referrals: (serviceOnly && a.level === "referral" ? referrals.filter((r) => a.referralIds.includes(r.id)) : referrals).map((r) =>
      clean({
        cas_ReferringOrganisation: name(r.fromAgencyId),
        cas_ReferredOrganisation: name(r.toAgencyId),
        cas_ReferredPrimaryCaseWorker: r.assignedUserId ? (owners.get(r.assignedUserId)?.displayName ?? null) : null,
        cas_ReasonForOutgoingReferral: r.reason,
        cas_OutgoingReferralDate: day(r.sentAt),
        cas_OutgoingReferralDetails: narrative ? openText(ctx.keys, r.detailsEnc) : null,
        extensions: { idn_ReferralStatus: r.status, idn_ReferralScope: r.scope, idn_ConsentBasis: r.consentId ? "consent" : "override" },
      }),
    ),
    events: visibleEvents.map((e) =>
      clean({
        hte_Type: e.stage,
        hte_Country: e.country,
        hte_City: e.city,
        hte_Date: e.dateFrom,
        hte_Description: narrative ? openText(ctx.keys, e.descriptionEnc) : null,
        extensions: { idn_Place: narrative ? e.place : null, idn_DateTo: e.dateTo },
      }),
    ),
    supportPlans: visibleServices.map((s) =>
      clean({
        spl_Type: SUPPORT_TYPE[s.type],
        spl_PlannedEndDate: s.dueDate,
        spl_ActualEndDate: day(s.deliveredAt),
        spl_ActionPlan: narrative ? openText(ctx.keys, s.notesEnc) : null,
        extensions: { idn_ServiceType: s.type, idn_ServiceStatus: s.status, idn_ProviderAgency: name(s.providerAgencyId) },
      }),
    ),
    consents:
      a.level === "aggregate"
        ? []
        : consents.map((x) =>
            clean({
              con_Consent: x.given && !x.withdrawnAt,
              extensions: { idn_ConsentPurpose: x.purpose, idn_ConsentAgency: name(x.agencyId), idn_ConsentMethod: x.method },
            }),
          ),
    comments: narrative ? notes.map((n) => clean({ cco_CaseComment: openText(ctx.keys, n.bodyEnc) })) : [],
  };
}

// ---- CSV: one row per victim (a case without victims gives one row), multiselect values joined by ";" ----
const CSV_COLUMNS = [
  "idn_CaseCode",
  "cas_Status",
  "cas_ReasonForCaseClosure",
  "cas_CaseOwner",
  "prs_FirstName",
  "prs_Birthdate",
  "prs_Gender",
  "prs_Citizenship",
  "prs_IdentityNumber",
  "prs_MobilePhone",
  "prs_MailingStreet",
  "vic_TraffickingStatus",
  "vic_TraffickingStatusDecisionMakingOrg",
  "vic_RelationshipToTrafficker",
  "vic_AgeWhenTrafficked",
  "vic_RecruitmentWebsitesAndApps",
  "vic_MethodOfRecruitment",
  "vic_MethodsOfControl",
  "vic_TypeOfExploitation",
  "vic_ForcedLabourIndustry",
  "cas_ReferredOrganisation",
  "spl_Type",
  "idn_AgeBand",
  "idn_DesaCode",
  "idn_PmiStatus",
  "idn_Uu21Articles",
] as const;

const IDENTITY_COLUMNS = new Set(["prs_FirstName", "prs_Birthdate", "prs_IdentityNumber", "prs_MobilePhone", "prs_MailingStreet"]);

function cell(v: Value | undefined): string {
  return csvField(v);
}

/** CSV with the credit as a leading comment line; identity columns only when any row may carry them. */
export function htcdsCsv(items: HtcdsCase[], withIdentity: boolean): string {
  const cols = CSV_COLUMNS.filter((c) => withIdentity || !IDENTITY_COLUMNS.has(c));
  const lines = [`# ${HTCDS_CREDIT}`, cols.join(",")];
  for (const it of items) {
    const caseExt = it.case.extensions ?? {};
    const shared = {
      ...it.case,
      ...caseExt,
      cas_ReferredOrganisation: [...new Set(it.referrals.map((r) => r.cas_ReferredOrganisation as string))],
      spl_Type: [...new Set(it.supportPlans.map((s) => s.spl_Type as string))],
    };
    const victims = it.victims.length ? it.victims : [{} as HtcdsRecord];
    for (const v of victims) {
      const row = { ...shared, ...v, ...(v.extensions ?? {}) } as Record<string, unknown>;
      lines.push(cols.map((c) => cell(row[c] as Value | undefined)).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
