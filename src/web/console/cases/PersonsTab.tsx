// The people of a case (victims, family, perpetrators) at the caller's access level; add and edit when
// the case's abilities allow it.
import { Badge, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { EMPTY_PERSON, type PersonDraft, PersonEditButton, PersonFields, personCreateInput } from "./PersonForm";
import { AddButton, dash, day, Empty, personLabel } from "./shared";

export function PersonsTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_PERSON);
  return (
    <Stack>
      <AddButton
        show={detail.abilities.addPerson}
        label={t("cases.person.add")}
        onClick={() => {
          setDraft(EMPTY_PERSON);
          setOpen(true);
        }}
      />
      <Empty shown={detail.persons.length === 0}>{t("cases.person.empty")}</Empty>
      {detail.persons.map((p) => (
        <Stack
          key={p.id}
          gap={4}
          p="sm"
          style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}
          data-testid="case-person"
        >
          <Group gap="xs">
            <Text fw={600}>{personLabel(t, p)}</Text>
            <Badge variant="light">{t(`cases.person.kind.${p.kind}`)}</Badge>
            {detail.abilities.editPerson && <PersonEditButton detail={detail} person={p} onDone={reload} />}
            {p.perpetratorRoles?.map((r) => (
              <Badge key={r} color="red" variant="outline">
                {t(`cases.htcds.role.${r}`)}
              </Badge>
            ))}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Text size="sm">
              {t("cases.person.sex")}: {t(`cases.sex.${p.sex}`)} · {t(`cases.ageBand.${p.ageBand}`)}
            </Text>
            <Text size="sm">
              {t("cases.person.pmiStatus")}: {t(`cases.pmi.${p.pmiStatus}`)}
            </Text>
            {p.nik !== undefined && (
              <Text size="sm">
                {t("cases.person.nik")}: {dash(p.nik)}
              </Text>
            )}
            {p.birthDate !== undefined && (
              <Text size="sm">
                {t("cases.person.birthDate")}: {day(p.birthDate)}
              </Text>
            )}
            {p.phones !== undefined && p.phones.length > 0 && (
              <Text size="sm">
                {t("cases.person.phones")}: {p.phones.join(", ")}
              </Text>
            )}
            {p.address !== undefined && p.address !== null && (
              <Text size="sm">
                {t("cases.person.address")}: {p.address}
              </Text>
            )}
            {p.desaCode && (
              <Text size="sm">
                {t("cases.person.desa")}: {p.desaCode}
              </Text>
            )}
            {p.relationship && (
              <Text size="sm">
                {t("cases.person.relationship")}: {p.relationship}
              </Text>
            )}
            {p.aliases && p.aliases.length > 0 && (
              <Text size="sm">
                {t("cases.person.aliases")}: {p.aliases.join(", ")}
              </Text>
            )}
            {p.bankAccounts && p.bankAccounts.length > 0 && (
              <Text size="sm">
                {t("cases.person.bankAccounts")}: {p.bankAccounts.join(", ")}
              </Text>
            )}
            {p.companies && p.companies.length > 0 && (
              <Text size="sm">
                {t("cases.person.companies")}: {p.companies.join(", ")}
              </Text>
            )}
          </SimpleGrid>
        </Stack>
      ))}
      <FormModal
        opened={open}
        title={t("cases.person.add")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/persons`, personCreateInput(draft));
          reload();
        }}
      >
        {(submission) => <PersonFields value={draft} onChange={setDraft} errors={submission.fields} chooseKind />}
      </FormModal>
    </Stack>
  );
}
