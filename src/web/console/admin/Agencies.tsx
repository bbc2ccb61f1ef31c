import { Alert, Badge, Button, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { type Agency, PENTAHELIX, type PentahelixCategory, type Page } from "../../lib/types";
import { ErrorAlert } from "../FormErrorAlert";
import { splitFieldErrors, useSubmission } from "../forms";
import { useFullScreenModal } from "../useFullScreenModal";
import { useResource } from "../hooks";
import { type Column, DataList } from "../ListTable";
import { formatNumber } from "../../lib/format";
import { usePageTitle } from "../usePageTitle";
import { PageHeader } from "../PageHeader";
import { FormDialog } from "../FormDialog";

type Editing = { mode: "create" } | { mode: "edit"; agency: Agency } | null;

export function Agencies() {
  const { t } = useTranslation();
  usePageTitle(t("nav.agencies"));
  const agencies = useResource<Page<Agency>>("/api/admin/agencies");
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const columns: Column<Agency>[] = [
    { header: t("agencies.name"), title: true, cell: (agency) => <Text fw={500}>{agency.name}</Text> },
    { header: t("agencies.code"), cell: (agency) => agency.code },
    { header: t("agencies.category"), cell: (agency) => t(`pentahelix.${agency.category}`) },
    {
      header: t("agencies.operators"),
      cell: (agency) =>
        agency.activeOperators === 0 ? (
          <Text size="sm" c="orange.8">
            {t("agencies.noOperators")}
          </Text>
        ) : (
          formatNumber(agency.activeOperators)
        ),
    },
    {
      header: t("agencies.status"),
      cell: (agency) => (
        <Badge color={agency.active ? "teal" : "gray"} variant="light" tt="none">
          {agency.active ? t("common.active") : t("common.inactive")}
        </Badge>
      ),
    },
    {
      header: t("common.actions"),
      cell: (agency) => (
        <Button
          variant="light"
          size="sm"
          onClick={() => setEditing({ mode: "edit", agency })}
          aria-label={t("agencies.editNamed", { name: agency.name })}
        >
          {t("common.edit")}
        </Button>
      ),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t("nav.agencies")}
        actions={<Button onClick={() => setEditing({ mode: "create" })}>{t("agencies.create")}</Button>}
      />
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t("common.close")}>
          {notice}
        </Alert>
      )}
      <ErrorAlert error={agencies.error} />
      <DataList
        list={agencies}
        items={agencies.data?.items ?? []}
        columns={columns}
        rowKey={(agency) => agency.id}
        minWidth={640}
        label={t("nav.agencies")}
        empty={t("agencies.empty")}
      />
      {editing && (
        <AgencyForm
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setNotice(message);
            agencies.reload();
          }}
        />
      )}
    </Stack>
  );
}

const FIELDS = ["code", "name", "category", "active"] as const;

function AgencyForm({
  editing,
  onClose,
  onSaved,
}: {
  editing: NonNullable<Editing>;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const initial = editing.mode === "edit" ? editing.agency : null;
  const [code, setCode] = useState(initial?.code ?? "");
  const [name, setName] = useState(initial?.name ?? "");
  const [category, setCategory] = useState<PentahelixCategory | null>(initial?.category ?? null);
  const [active, setActive] = useState(initial?.active ?? true);
  const submission = useSubmission();
  const fullScreen = useFullScreenModal();
  const { byField, rest } = splitFieldErrors(submission.fields, FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { code: code.trim(), name: name.trim(), category };
    const ok = await submission.run(async () => {
      if (initial) await api.patch(`/api/admin/agencies/${initial.id}`, { ...body, active });
      else await api.post("/api/admin/agencies", body);
    });
    if (ok) onSaved(t(initial ? "agencies.updated" : "agencies.created", { name: body.name }));
  }

  return (
    <FormDialog
      title={initial ? t("agencies.editTitle") : t("agencies.createTitle")}
      onClose={onClose}
      onSubmit={submit}
      submission={submission}
      rest={rest}
      fullScreen={fullScreen}
    >
      <TextInput
        label={t("agencies.code")}
        description={t("agencies.codeHint")}
        required
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        error={byField.code}
        data-autofocus
      />
      <TextInput
        label={t("agencies.name")}
        required
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={byField.name}
      />
      <Select
        label={t("agencies.category")}
        description={t("agencies.categoryHint")}
        required
        value={category}
        onChange={(value) => setCategory(value as PentahelixCategory | null)}
        data={PENTAHELIX.map((value) => ({ value, label: t(`pentahelix.${value}`) }))}
        error={byField.category}
        allowDeselect={false}
      />
      {initial && (
        <Switch
          label={t("agencies.activeLabel")}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
          error={byField.active}
        />
      )}{" "}
    </FormDialog>
  );
}
