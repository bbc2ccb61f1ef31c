// The person form shared by "add person" and "edit person": victims, family members and perpetrators.
// Editing sends only the fields that changed; an emptied field is sent as null so the server clears it
// (and drops its keyed hash). Identity values live in React state only.
import { Button, MultiSelect, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { type CaseDetail, type CasePerson, PERPETRATOR_ROLES, PERSON_KINDS } from "../../lib/cases";
import { EMPTY_VICTIM, type VictimDraft, VictimFields, victimInput } from "./CaseIntake";
import { FormModal } from "./FormModal";
import { options, splitList } from "./shared";

export interface PersonDraft extends VictimDraft {
  kind: string;
  relationship: string;
  perpetratorRoles: string[];
  aliases: string;
  bankAccounts: string;
  companies: string;
}

export const EMPTY_PERSON: PersonDraft = {
  ...EMPTY_VICTIM,
  kind: "victim",
  relationship: "",
  perpetratorRoles: [],
  aliases: "",
  bankAccounts: "",
  companies: "",
};

/** The form's text fields for a person as the server sent it (identity included for the team). */
export function draftOfPerson(p: CasePerson): PersonDraft {
  return {
    kind: p.kind,
    name: p.name ?? "",
    nik: p.nik ?? "",
    birthDate: p.birthDate ?? "",
    ageEstimate: "",
    sex: p.sex === "unknown" ? "" : p.sex,
    phones: (p.phones ?? []).join(", "),
    address: p.address ?? "",
    desaCode: p.desaCode ?? "",
    pmiStatus: p.pmiStatus === "unknown" ? "" : p.pmiStatus,
    relationship: p.relationship ?? "",
    perpetratorRoles: p.perpetratorRoles ?? [],
    aliases: (p.aliases ?? []).join(", "),
    bankAccounts: (p.bankAccounts ?? []).join(", "),
    companies: (p.companies ?? []).join(", "),
  };
}

/** A new person: only the filled-in fields. */
export function personCreateInput(d: PersonDraft) {
  const list = (text: string) => splitList(text);
  return {
    kind: d.kind,
    ...victimInput(d),
    ...(d.relationship.trim() ? { relationship: d.relationship.trim() } : {}),
    ...(d.kind === "perpetrator" && d.perpetratorRoles.length ? { perpetratorRoles: d.perpetratorRoles } : {}),
    ...(list(d.aliases).length ? { aliases: list(d.aliases) } : {}),
    ...(list(d.bankAccounts).length ? { bankAccounts: list(d.bankAccounts) } : {}),
    ...(list(d.companies).length ? { companies: list(d.companies) } : {}),
  };
}

/** The fields that changed between `before` and `after`; emptied optional fields become null. */
export function personPatch(before: PersonDraft, after: PersonDraft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const text = (key: "name" | "nik" | "address" | "relationship" | "birthDate" | "desaCode") => {
    const value = after[key].trim();
    if (value !== before[key].trim()) patch[key] = value || null;
  };
  for (const key of ["name", "nik", "address", "relationship", "birthDate", "desaCode"] as const) text(key);
  if (after.ageEstimate.trim()) patch.ageEstimate = Number(after.ageEstimate);
  // Sex and PMI status have no empty value on the server: clearing means "unknown".
  if (after.sex !== before.sex) patch.sex = after.sex || "unknown";
  if (after.pmiStatus !== before.pmiStatus) patch.pmiStatus = after.pmiStatus || "unknown";
  for (const key of ["phones", "aliases", "bankAccounts", "companies"] as const) {
    const next = splitList(after[key]);
    if (next.join("\n") !== splitList(before[key]).join("\n")) patch[key] = next;
  }
  if (after.perpetratorRoles.join() !== before.perpetratorRoles.join()) patch.perpetratorRoles = after.perpetratorRoles;
  return patch;
}

/** Every field of a person; the kind is chosen only when adding. */
export function PersonFields({
  value,
  onChange,
  errors,
  chooseKind,
}: {
  value: PersonDraft;
  onChange: (d: PersonDraft) => void;
  errors: Record<string, string>;
  chooseKind: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {chooseKind && (
        <Select
          label={t("cases.person.kindLabel")}
          data={options(t, "cases.person.kind", PERSON_KINDS)}
          value={value.kind}
          onChange={(v) => onChange({ ...value, kind: v ?? "victim" })}
        />
      )}
      <VictimFields value={value} onChange={(v) => onChange({ ...value, ...v })} errors={errors} />
      {value.kind === "family" && (
        <TextInput
          label={t("cases.person.relationship")}
          value={value.relationship}
          onChange={(e) => onChange({ ...value, relationship: e.currentTarget.value })}
          error={errors.relationship}
        />
      )}
      {value.kind === "perpetrator" && (
        <MultiSelect
          label={t("cases.person.roles")}
          data={options(t, "cases.htcds.role", PERPETRATOR_ROLES)}
          value={value.perpetratorRoles}
          onChange={(v) => onChange({ ...value, perpetratorRoles: v })}
          searchable
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t("cases.person.aliases")}
          description={t("cases.listHint")}
          value={value.aliases}
          onChange={(e) => onChange({ ...value, aliases: e.currentTarget.value })}
        />
        <TextInput
          label={t("cases.person.bankAccounts")}
          description={t("cases.listHint")}
          value={value.bankAccounts}
          onChange={(e) => onChange({ ...value, bankAccounts: e.currentTarget.value })}
        />
        <TextInput
          label={t("cases.person.companies")}
          description={t("cases.listHint")}
          value={value.companies}
          onChange={(e) => onChange({ ...value, companies: e.currentTarget.value })}
        />
      </SimpleGrid>
    </>
  );
}

/** "Ubah" on a person card: opens the form filled with the person's current data. */
export function PersonEditButton({ detail, person, onDone }: { detail: CaseDetail; person: CasePerson; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<PersonDraft>(EMPTY_PERSON);
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_PERSON);
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={() => {
          const d = draftOfPerson(person);
          setInitial(d);
          setDraft(d);
          setOpen(true);
        }}
      >
        {t("cases.person.edit")}
      </Button>
      <FormModal
        opened={open}
        title={t("cases.person.editTitle", { kind: t(`cases.person.kind.${person.kind}`) })}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          const patch = personPatch(initial, draft);
          if (Object.keys(patch).length === 0) return;
          await api.patch(`/api/cases/${detail.id}/persons/${person.id}`, patch);
          onDone();
        }}
      >
        {(submission) => <PersonFields value={draft} onChange={setDraft} errors={submission.fields} chooseKind={false} />}
      </FormModal>
    </>
  );
}
