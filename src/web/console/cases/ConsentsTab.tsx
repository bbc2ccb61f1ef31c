// The victim's consent records (sharing with an agency, photos, data processing): record and withdraw
// when `detail.abilities` allow it. A withdrawal ends referrals resting on that consent (server side).
import { Badge, Button, Select, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { CONSENT_METHODS, CONSENT_PURPOSES } from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import type { TabProps } from "./CaseDetailPage";
import { AddableTab, useDialogForm } from "./AddableTab";
import { AgencyField, ChoiceField } from "./fields";
import { personLabel, useAgencyOptions } from "./shared";
import { SimpleTable } from "../SimpleTable";

export function ConsentsTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const victims = detail.persons.filter((p) => p.kind === "victim");
  const form = useDialogForm(() => ({
    purpose: "share_with_agency",
    agencyId: "",
    personId: victims[0]?.id ?? "",
    given: "yes",
    method: "written",
  }));
  const { purpose, agencyId, personId, given, method } = form.values;
  const [error, setError] = useState<string | null>(null);
  return (
    <AddableTab
      list="consents"
      detail={detail}
      reload={reload}
      form={form}
      body={() => ({
        purpose,
        given: given === "yes",
        method,
        ...(personId ? { personId } : {}),
        ...(purpose === "share_with_agency" && agencyId ? { agencyId } : {}),
      })}
      fields={(submission) => (
        <>
          <ChoiceField
            label={t("cases.consent.purposeLabel")}
            prefix="cases.consent.purpose"
            values={CONSENT_PURPOSES}
            {...form.bind("purpose")}
          />
          {purpose === "share_with_agency" && (
            <AgencyField
              label={t("cases.consent.agency")}
              agencies={agencies}
              {...form.bind("agencyId")}
              required
              error={submission.fields.agencyId}
            />
          )}
          {victims.length > 0 && (
            <Select
              label={t("cases.consent.person")}
              data={victims.map((p) => ({ value: p.id, label: personLabel(t, p) }))}
              value={personId || null}
              clearable
              onChange={(v) => form.set("personId")(v ?? "")}
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
            onChange={(v) => form.set("given")(v ?? "yes")}
          />
          <ChoiceField
            label={t("cases.consent.methodLabel")}
            prefix="cases.consent.method"
            values={CONSENT_METHODS}
            {...form.bind("method")}
          />
        </>
      )}
    >
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
    </AddableTab>
  );
}
