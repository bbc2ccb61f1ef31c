import { Checkbox, Select, SimpleGrid, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { type Agency, type Jurisdiction, ROLE_CODES, type User } from "../../lib/types";
import { splitFieldErrors, useSubmission } from "../forms";
import { useFullScreenModal } from "../useFullScreenModal";
import { roleLabel } from "../labels";
import { JurisdictionField } from "./JurisdictionField";
import { FormDialog } from "../FormDialog";

const FIELDS = ["username", "displayName", "email", "agencyId", "roles", "jurisdiction"] as const;

export function UserForm({
  user,
  agencies,
  onClose,
  onCreated,
  onUpdated,
}: {
  user: User | null;
  agencies: Agency[];
  onClose: () => void;
  onCreated: (user: User, temporaryPassword: string) => void;
  onUpdated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(user?.username ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [agencyId, setAgencyId] = useState<string | null>(user?.agency?.id ?? null);
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>(user?.jurisdiction ?? { kind: "regency" });
  const submission = useSubmission();
  const fullScreen = useFullScreenModal();
  const { byField, rest } = splitFieldErrors(submission.fields, FIELDS);

  const agencyOptions = agencies
    .filter((agency) => agency.active || agency.id === agencyId)
    .map((agency) => ({ value: agency.id, label: agency.name }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      displayName: displayName.trim(),
      email: email.trim() || null,
      agencyId,
      roles,
      jurisdiction,
    };
    await submission.run(async () => {
      if (user) {
        const result = await api.patch<{ user?: User } & Partial<User>>(`/api/admin/users/${user.id}`, body);
        onUpdated(result?.user ?? { ...user, ...body, agency: user.agency });
      } else {
        const result = await api.post<{ user: User; temporaryPassword: string }>("/api/admin/users", {
          ...body,
          username: username.trim(),
          email: body.email ?? undefined,
        });
        onCreated(result.user, result.temporaryPassword);
      }
    });
  }

  return (
    <FormDialog
      title={user ? t("users.editTitle") : t("users.createTitle")}
      onClose={onClose}
      onSubmit={submit}
      submission={submission}
      rest={rest}
      size="xl"
      fullScreen={fullScreen}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("users.username")}
          description={user ? undefined : t("users.usernameHint")}
          required
          disabled={user !== null}
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={byField.username}
          data-autofocus
        />
        <TextInput
          label={t("users.displayName")}
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={byField.displayName}
        />
        <TextInput
          label={t("users.email")}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={byField.email}
        />
        <Select
          label={t("users.agency")}
          required
          searchable
          data={agencyOptions}
          value={agencyId}
          onChange={setAgencyId}
          error={byField.agencyId}
          nothingFoundMessage={t("common.nothingFound")}
        />
      </SimpleGrid>
      <Checkbox.Group label={t("users.roles")} required value={roles} onChange={setRoles} error={byField.roles}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          {ROLE_CODES.map((role) => (
            <Checkbox key={role} value={role} label={roleLabel(t, role)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <JurisdictionField value={jurisdiction} onChange={setJurisdiction} error={byField.jurisdiction} />{" "}
    </FormDialog>
  );
}
