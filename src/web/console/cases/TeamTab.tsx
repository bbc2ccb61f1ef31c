// The case team: members with their agency and role, users with access through an accepted referral,
// and for the owner: add a case worker of any agency, remove a member, hand over ownership. Candidates
// come from GET /api/cases/team-candidates (name, agency and case roles only).
import { Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, query } from "../../lib/api";
import type { CaseDetail } from "../../lib/cases";
import { formatDateTime } from "../../lib/format";
import type { TabProps } from "./CaseDetailPage";
import { FormModal } from "./FormModal";
import { useResource } from "../hooks";
import { SimpleTable } from "../SimpleTable";

interface Candidate {
  id: string;
  displayName: string;
  agency: { id: string; name: string } | null;
  roles: ("case_manager" | "investigator")[];
}

type TeamMember = CaseDetail["team"][number];

/** Searchable list of active case managers and investigators of any agency, minus `exclude`. */
export function CandidatePicker({
  value,
  onChange,
  exclude,
  error,
  label,
  description,
}: {
  value: string;
  onChange: (id: string) => void;
  exclude?: Set<string>;
  error?: string;
  label?: string;
  description?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = useResource<{ items: Candidate[] }>(`/api/cases/team-candidates${query({ q: debounced })}`);
  const optionLabel = (c: Candidate) => `${c.displayName} · ${c.agency?.name ?? "–"} (${c.roles.map((r) => t(`roles.${r}`)).join(", ")})`;
  const data = (found.data?.items ?? []).filter((c) => !exclude?.has(c.id)).map((c) => ({ value: c.id, label: optionLabel(c) }));
  if (chosen && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      label={label ?? t("cases.team.candidate")}
      description={description ?? t("cases.team.candidateHint")}
      placeholder={t("cases.team.candidatePlaceholder")}
      data={data}
      value={value || null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.loading ? t("common.loading") : t("cases.team.noCandidates")}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id ?? "");
      }}
      error={error}
    />
  );
}

type Dialog = { kind: "add" } | { kind: "owner" } | { kind: "remove"; member: TeamMember } | null;

export function TeamTab({ detail, reload }: TabProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [userId, setUserId] = useState("");
  const manage = detail.abilities.manageTeam;
  const remove = detail.abilities.removeMember;
  const teamIds = new Set(detail.team.map((m) => m.user.id));
  const open = (d: Dialog) => {
    setUserId("");
    setDialog(d);
  };
  return (
    <Stack>
      {manage && (
        <Group>
          <Button size="sm" onClick={() => open({ kind: "add" })}>
            {t("cases.team.add")}
          </Button>
          <Button size="sm" variant="default" onClick={() => open({ kind: "owner" })}>
            {t("cases.team.transfer")}
          </Button>
        </Group>
      )}
      <SimpleTable
        headers={[t("cases.team.member"), t("cases.team.agency"), t("cases.team.role"), t("cases.team.since"), ...(remove ? [null] : [])]}
      >
        {detail.team.map((m) => (
          <Table.Tr key={m.user.id} data-testid="case-team-member">
            <Table.Td>{m.user.displayName}</Table.Td>
            <Table.Td>{m.user.agency?.name ?? "–"}</Table.Td>
            <Table.Td>{t(`cases.team.roles.${m.role}`)}</Table.Td>
            <Table.Td>{formatDateTime(m.addedAt)}</Table.Td>
            {remove && (
              <Table.Td>
                {m.role === "member" && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => open({ kind: "remove", member: m })}>
                    {t("cases.team.remove")}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </SimpleTable>
      {detail.referrals.some((r) => r.status === "accepted" && r.assignedUser) && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t("cases.team.viaReferral")}
          </Text>
          {detail.referrals
            .filter((r) => r.status === "accepted" && r.assignedUser)
            .map((r) => (
              <Text size="sm" key={r.id}>
                {r.assignedUser?.displayName} · {r.toAgency.name} ·{" "}
                {t(`cases.access.${r.scope === "case" ? "referral_case" : "referral_service"}`)}
              </Text>
            ))}
        </Stack>
      )}

      <FormModal
        opened={dialog?.kind === "add"}
        title={t("cases.team.addTitle", { code: detail.code })}
        submitLabel={t("cases.team.add")}
        onClose={() => setDialog(null)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/members`, { userId });
          reload();
        }}
      >
        {(submission) => <CandidatePicker value={userId} onChange={setUserId} exclude={teamIds} error={submission.fields.userId} />}
      </FormModal>

      <FormModal
        opened={dialog?.kind === "owner"}
        title={t("cases.team.transferTitle", { code: detail.code })}
        submitLabel={t("cases.team.transfer")}
        onClose={() => setDialog(null)}
        onSubmit={async () => {
          await api.post(`/api/cases/${detail.id}/owner`, { userId });
          reload();
        }}
      >
        {(submission) => (
          <>
            <Text size="sm">{t("cases.team.transferLead")}</Text>
            <CandidatePicker value={userId} onChange={setUserId} exclude={new Set([detail.owner.id])} error={submission.fields.userId} />
          </>
        )}
      </FormModal>

      <FormModal
        opened={dialog?.kind === "remove"}
        danger
        title={t("cases.team.removeTitle")}
        submitLabel={t("cases.team.remove")}
        onClose={() => setDialog(null)}
        onSubmit={async () => {
          if (dialog?.kind !== "remove") return;
          await api.delete(`/api/cases/${detail.id}/members/${dialog.member.user.id}`);
          reload();
        }}
      >
        {() => (
          <Text size="sm">
            {dialog?.kind === "remove" ? t("cases.team.removeLead", { name: dialog.member.user.displayName, code: detail.code }) : null}
          </Text>
        )}
      </FormModal>
    </Stack>
  );
}
