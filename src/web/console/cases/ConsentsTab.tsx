// The victim's consent records (sharing with an agency, photos, data processing): record and withdraw
// when `detail.abilities` allow it. A withdrawal ends referrals resting on that consent (server side).
import { Badge, Button, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { CONSENT_METHODS, CONSENT_PURPOSES } from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { AddButton, Empty, options, personLabel, useAgencyOptions } from "./shared";
import { SimpleTable } from "../SimpleTable";

export function ConsentsTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState<string>("share_with_agency");
  const [agencyId, setAgencyId] = useState("");
  const [personId, setPersonId] = useState("");
  const [given, setGiven] = useState<string>("yes");
  const [method, setMethod] = useState<string>("written");
  const [error, setError] = useState<string | null>(null);
  const victims = detail.persons.filter((p) => p.kind === "victim");
  return (
    <Stack>
      <AddButton
        show={detail.abilities.recordConsent}
        label={t("cases.consent.add")}
        onClick={() => {
          setPurpose("share_with_agency");
          setAgencyId("");
          setPersonId(victims[0]?.id ?? "");
          setGiven("yes");
          setMethod("written");
          setOpen(true);
        }}
      />
      <Empty shown={detail.consents.length === 0}>{t("cases.consent.empty")}</Empty>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      {detail.consents.length > 0 && (
        <SimpleTable
          headers={[
            t("cases.consent.purposeLabel"),
            t("cases.consent.agency"),
            t("cases.consent.givenLabel"),
            t("cases.consent.recorded"),
            t("common.actions"),
          ]}
        >
          {detail.consents.map((c) => (
            <Table.Tr key={c.id} data-testid="consent-row">
              <Table.Td>{t(`cases.consent.purpose.${c.purpose}`)}</Table.Td>
              <Table.Td>{c.agency?.name ?? "–"}</Table.Td>
              <Table.Td>
                <Badge color={c.withdrawnAt ? "gray" : c.given ? "teal" : "red"}>
                  {c.withdrawnAt ? t("cases.consent.withdrawn") : c.given ? t("cases.consent.given") : t("cases.consent.refused")}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t(`cases.consent.method.${c.method}`, { defaultValue: c.method })}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(c.recordedAt)}</Table.Td>
              <Table.Td>
                {detail.abilities.withdrawConsent && !c.withdrawnAt && c.given && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setError(null);
                      api
                        .post(`/api/cases/${detail.id}/consents/${c.id}/withdraw`)
                        .then(reload)
                        .catch((caught: unknown) => setError(errorMessage(caught)));
                    }}
                  >
                    {t("cases.consent.withdraw")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
      <FormModal
        opened={open}
        title={t("cases.consent.add")}
        submitLabel={t("common.save")}
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/consents`, {
            purpose,
            given: given === "yes",
            method,
            ...(personId ? { personId } : {}),
            ...(purpose === "share_with_agency" && agencyId ? { agencyId } : {}),
          });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Select
              label={t("cases.consent.purposeLabel")}
              data={options(t, "cases.consent.purpose", CONSENT_PURPOSES)}
              value={purpose}
              allowDeselect={false}
              onChange={(v) => setPurpose(v ?? "share_with_agency")}
            />
            {purpose === "share_with_agency" && (
              <Select
                label={t("cases.consent.agency")}
                data={agencies}
                value={agencyId || null}
                searchable
                required
                onChange={(v) => setAgencyId(v ?? "")}
                error={submission.fields.agencyId}
              />
            )}
            {victims.length > 0 && (
              <Select
                label={t("cases.consent.person")}
                data={victims.map((p) => ({ value: p.id, label: personLabel(t, p) }))}
                value={personId || null}
                clearable
                onChange={(v) => setPersonId(v ?? "")}
              />
            )}
            <Select
              label={t("cases.consent.givenLabel")}
              data={[
                { value: "yes", label: t("cases.consent.given") },
                { value: "no", label: t("cases.consent.refused") },
              ]}
              value={given}
              allowDeselect={false}
              onChange={(v) => setGiven(v ?? "yes")}
            />
            <Select
              label={t("cases.consent.methodLabel")}
              data={options(t, "cases.consent.method", CONSENT_METHODS)}
              value={method}
              allowDeselect={false}
              onChange={(v) => setMethod(v ?? "written")}
            />
          </>
        )}
      </FormModal>
    </Stack>
  );
}
