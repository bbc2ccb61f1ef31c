// Referrals: the table with each party's actions (receiver accepts or rejects with a reason, either
// side completes, the sender revokes), the form to send one (refused with a clear message when the
// victim has not consented to sharing with that agency), and the inbox of incoming and outgoing ones.
import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, query } from "../../lib/api";
import { type CaseDetail, CASES_PATH, REFERRAL_REASONS, type Referral } from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { Link } from "../../lib/router";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";
import { FormModal } from "./FormModal";
import { options, useAgencyOptions } from "./shared";
import { PageHeader } from "../PageHeader";
import { SimpleTable } from "../SimpleTable";
import { NoteField } from "../fields";
import { ErrorAlert } from "../FormErrorAlert";

const STATUS_COLOR: Record<string, string> = { sent: "blue", accepted: "teal", rejected: "red", completed: "gray", revoked: "gray" };

type Action = "accept" | "reject" | "complete" | "revoke";
const DEFAULT_REASON = "AdditionalServicesRequired";

function ReferralActions({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server's referral policy decides (`referral.abilities`); the console only lists what it allows.
  const actions = (["accept", "reject", "complete", "revoke"] as const).filter((action) => referral.abilities[action]);

  async function direct(action: Action) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/referrals/${referral.id}/${action}`);
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  if (actions.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group gap={4}>
        {actions.map((action) => (
          <Button
            key={action}
            size="xs"
            variant={action === "accept" || action === "complete" ? "filled" : "default"}
            color={action === "reject" || action === "revoke" ? "red" : undefined}
            loading={busy}
            aria-label={t(`cases.referrals.action.${action}Aria`, { code: referral.caseCode, agency: referral.toAgency.name })}
            onClick={() => {
              if (action === "reject" || action === "revoke") {
                setReason("");
                setOpen(action);
              } else void direct(action);
            }}
          >
            {t(`cases.referrals.action.${action}`)}
          </Button>
        ))}
      </Group>
      {error && (
        <Text c="red" size="xs" role="alert">
          {error}
        </Text>
      )}
      <FormModal
        opened={open !== null}
        title={open ? t(`cases.referrals.action.${open}Title`, { code: referral.caseCode }) : ""}
        submitLabel={open ? t(`cases.referrals.action.${open}`) : ""}
        danger
        onClose={() => setOpen(null)}
        onSubmit={async () => {
          await api.post(`/api/referrals/${referral.id}/${open}`, { reason: reason.trim() });
          onDone();
        }}
      >
        {(submission) => (
          <NoteField
            label={t("cases.referrals.reason")}
            required
            minRows={3}
            value={reason}
            onChange={setReason}
            error={submission.fields.reason}
          />
        )}
      </FormModal>
    </Stack>
  );
}

export function ReferralTable({ items, onDone, showCase }: { items: Referral[]; onDone: () => void; showCase?: boolean }) {
  const { t } = useTranslation();
  return (
    <SimpleTable
      minWidth={760}
      verticalSpacing="xs"
      headers={[
        ...(showCase ? [t("cases.code")] : []),
        t("cases.referrals.to"),
        t("cases.referrals.scope"),
        t("cases.referrals.statusLabel"),
        t("cases.referrals.due"),
        t("common.actions"),
      ]}
    >
      {items.map((r) => (
        <Table.Tr key={r.id} data-testid="referral-row" data-agency={r.toAgency.name} bg={r.overdue ? "red.0" : undefined}>
          {showCase && (
            <Table.Td>
              <Anchor component={Link} href={`${CASES_PATH}/${r.caseId}`} ff="monospace" size="sm">
                {r.caseCode}
              </Anchor>
            </Table.Td>
          )}
          <Table.Td>
            <Text size="sm">{r.toAgency.name}</Text>
            <Text size="xs" c="dimmed">
              {t("cases.referrals.from", { agency: r.fromAgency?.name ?? "–", user: r.fromUser.displayName })}
            </Text>
            {r.assignedUser && (
              <Text size="xs" c="dimmed">
                {t("cases.referrals.assigned", { user: r.assignedUser.displayName })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm">{r.serviceType ? t(`cases.service.type.${r.serviceType}`) : t("cases.referrals.wholeCase")}</Text>
            <Text size="xs" c="dimmed">
              {t(`cases.referrals.reasons.${r.reason}`)}
              {r.consentBasis === "override" ? ` · ${t("cases.referrals.override")}` : ""}
            </Text>
            {r.details && <Text size="xs">{r.details}</Text>}
          </Table.Td>
          <Table.Td>
            <Badge color={STATUS_COLOR[r.status] ?? "gray"} data-testid="referral-status">
              {t(`cases.referrals.status.${r.status}`)}
            </Badge>
            {r.overdue && (
              <Badge color="red" variant="filled" ml={4}>
                {t("cases.overdue")}
              </Badge>
            )}
            {r.rejectReason && (
              <Text size="xs" c="red.8">
                {t("cases.referrals.rejectedBecause", { reason: r.rejectReason })}
              </Text>
            )}
            {r.status === "revoked" && r.revokeReason && (
              <Text size="xs" c="dimmed">
                {t("cases.referrals.revokedBecause", { reason: r.revokeReason })}
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <Text size="sm">
              {r.status === "sent" ? formatDateTime(r.respondDueAt) : r.respondedAt ? formatDateTime(r.respondedAt) : "–"}
            </Text>
          </Table.Td>
          <Table.Td>
            <ReferralActions referral={r} onDone={onDone} />
          </Table.Td>
        </Table.Tr>
      ))}
      {items.length === 0 && (
        <Table.Tr>
          <Table.Td colSpan={showCase ? 6 : 5}>{t("cases.referrals.empty")}</Table.Td>
        </Table.Tr>
      )}
    </SimpleTable>
  );
}

/** Whether the victim's consent to share with the agency is recorded, given and not withdrawn (latest record wins). */
export function hasSharingConsent(c: CaseDetail, agencyId: string): boolean {
  const records = c.consents
    .filter((x) => x.purpose === "share_with_agency" && x.agency?.id === agencyId && !x.withdrawnAt)
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return records[0]?.given === true;
}

export function ReferralCreate({
  detail,
  opened,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const [agencyId, setAgencyId] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [reason, setReason] = useState<string>(DEFAULT_REASON);
  const [details, setDetails] = useState("");
  const [override, setOverride] = useState("");
  const agencyName = agencies.find((a) => a.value === agencyId)?.label ?? "";
  const consentMissing = agencyId !== "" && !hasSharingConsent(detail, agencyId);
  // The owner, or an investigator on the team: the case policy's rule, sent as `abilities.overrideConsent`.
  const canOverride = detail.abilities.overrideConsent;

  return (
    <FormModal
      opened={opened}
      title={t("cases.referrals.newTitle")}
      submitLabel={t("cases.referrals.send")}
      onClose={onClose}
      disabled={!agencyId || (consentMissing && !override.trim())}
      onSubmit={async () => {
        await api.post(`/api/cases/${detail.id}/referrals`, {
          scope: serviceId ? "service" : "case",
          toAgencyId: agencyId,
          reason,
          ...(serviceId ? { serviceId } : {}),
          ...(details.trim() ? { details: details.trim() } : {}),
          ...(consentMissing && override.trim() ? { overrideReason: override.trim() } : {}),
        });
        setAgencyId("");
        setServiceId("");
        setReason(DEFAULT_REASON);
        setDetails("");
        setOverride("");
        onDone();
      }}
    >
      {(submission) => (
        <>
          <Select
            label={t("cases.referrals.agency")}
            data={agencies}
            value={agencyId || null}
            searchable
            required
            onChange={(v) => setAgencyId(v ?? "")}
            error={submission.fields.toAgencyId}
          />
          {consentMissing && (
            <Alert color="orange" role="alert" data-testid="consent-missing">
              {t("cases.referrals.noConsent", { agency: agencyName })}
              {canOverride ? ` ${t("cases.referrals.overrideHint")}` : ""}
            </Alert>
          )}
          {submission.fields.overrideReason && !consentMissing && (
            <Alert color="orange" role="alert">
              {t("cases.referrals.noConsent", { agency: agencyName })}
            </Alert>
          )}
          <Select
            label={t("cases.referrals.service")}
            description={t("cases.referrals.serviceHint")}
            data={detail.services.map((s) => ({
              value: s.id,
              label: `${t(`cases.service.type.${s.type}`)}${s.providerAgency ? ` · ${s.providerAgency.name}` : ""}`,
            }))}
            value={serviceId || null}
            clearable
            onChange={(v) => setServiceId(v ?? "")}
            error={submission.fields.serviceId}
          />
          <Select
            label={t("cases.referrals.reasonLabel")}
            data={options(t, "cases.referrals.reasons", REFERRAL_REASONS)}
            value={reason}
            allowDeselect={false}
            onChange={(v) => setReason(v ?? DEFAULT_REASON)}
          />
          <NoteField label={t("cases.referrals.details")} value={details} onChange={setDetails} error={submission.fields.details} />
          {consentMissing && canOverride && (
            <NoteField
              label={t("cases.referrals.overrideReason")}
              value={override}
              onChange={setOverride}
              error={submission.fields.overrideReason}
            />
          )}
        </>
      )}
    </FormModal>
  );
}

export function ReferralInbox() {
  const { t } = useTranslation();
  usePageTitle(t("cases.referrals.inboxTitle"));
  const [box, setBox] = useState<"incoming" | "outgoing">("incoming");
  const list = useResource<{ items: Referral[] }>(`/api/referrals${query({ box })}`);
  return (
    <Stack>
      <PageHeader back={{ href: CASES_PATH, label: t("cases.back") }} title={t("cases.referrals.inboxTitle")} />
      <SegmentedControl
        aria-label={t("cases.referrals.box")}
        value={box}
        onChange={(value) => setBox(value as "incoming" | "outgoing")}
        data={[
          { value: "incoming", label: t("cases.referrals.incoming") },
          { value: "outgoing", label: t("cases.referrals.outgoing") },
        ]}
      />
      <ErrorAlert error={list.error} />
      {list.data && <ReferralTable items={list.data.items} onDone={list.reload} showCase />}
      {list.loading && <Text role="status">{t("common.loading")}</Text>}
    </Stack>
  );
}
