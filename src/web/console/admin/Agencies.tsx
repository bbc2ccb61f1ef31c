import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { type Agency, PENTAHELIX, type PentahelixCategory, type Page } from "../../lib/types";
import { FormErrorAlert } from "../FormErrorAlert";
import { splitFieldErrors, useSubmission } from "../forms";
import { useFullScreenModal } from "../useFullScreenModal";
import { useResource } from "../hooks";
import { usePageTitle } from "../usePageTitle";

type Editing = { mode: "create" } | { mode: "edit"; agency: Agency } | null;

export function Agencies() {
  const { t } = useTranslation();
  usePageTitle(t("nav.agencies"));
  const agencies = useResource<Page<Agency>>("/api/admin/agencies");
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t("nav.agencies")}</Title>
        <Button onClick={() => setEditing({ mode: "create" })}>{t("agencies.create")}</Button>
      </Group>
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t("common.close")}>
          {notice}
        </Alert>
      )}
      {agencies.error ? (
        <Alert color="red" role="alert">
          {errorMessage(agencies.error)}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("agencies.code")}</Table.Th>
              <Table.Th>{t("agencies.name")}</Table.Th>
              <Table.Th>{t("agencies.category")}</Table.Th>
              <Table.Th>{t("agencies.status")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.data?.items.map((agency) => (
              <Table.Tr key={agency.id}>
                <Table.Td>{agency.code}</Table.Td>
                <Table.Td>{agency.name}</Table.Td>
                <Table.Td>{t(`pentahelix.${agency.category}`)}</Table.Td>
                <Table.Td>
                  <Badge color={agency.active ? "teal" : "gray"} variant="light" tt="none">
                    {agency.active ? t("common.active") : t("common.inactive")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="light"
                    size="sm"
                    onClick={() => setEditing({ mode: "edit", agency })}
                    aria-label={t("agencies.editNamed", { name: agency.name })}
                  >
                    {t("common.edit")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {agencies.data && agencies.data.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{t("agencies.empty")}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
    <Modal opened onClose={onClose} title={initial ? t("agencies.editTitle") : t("agencies.createTitle")} size="lg" fullScreen={fullScreen}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormErrorAlert error={submission.error} rest={rest} />
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
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={submission.busy}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
