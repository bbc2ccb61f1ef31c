import { Alert, Badge, Button, Group, Menu, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, query } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import type { Agency, Page, User } from "../../lib/types";
import { useSubmission } from "../forms";
import { useRegionNames, useResource } from "../hooks";
import { jurisdictionLabel, roleLabel } from "../labels";
import { type Column, DataList, Pager } from "../ListTable";
import { usePageTitle } from "../usePageTitle";
import { TemporaryPassword } from "./TemporaryPassword";
import { UserForm } from "./UserForm";
import { PageHeader } from "../PageHeader";
import { ErrorAlert, FormErrorAlert } from "../FormErrorAlert";

const PAGE = 50;

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; user: User }
  | { kind: "reset"; user: User }
  | { kind: "toggle"; user: User }
  | { kind: "password"; username: string; password: string }
  | null;

export function Users() {
  const { t } = useTranslation();
  usePageTitle(t("nav.users"));
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [offset, setOffset] = useState(0);
  const users = useResource<{ items: User[]; total: number }>(
    `/api/admin/users${query({ q: debounced, limit: String(PAGE), offset: offset ? String(offset) : undefined })}`,
  );
  const agencies = useResource<Page<Agency>>("/api/admin/agencies");
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const areaCodes = [
    ...new Set((users.data?.items ?? []).flatMap((user) => (user.jurisdiction.kind === "areas" ? user.jurisdiction.codes : []))),
  ];
  const names = useRegionNames(areaCodes);

  const columns: Column<User>[] = [
    {
      header: t("users.user"),
      title: true,
      cell: (user) => (
        <>
          <Text fw={500}>{user.displayName}</Text>
          <Text size="sm" c="dimmed">
            {user.username}
          </Text>
        </>
      ),
    },
    { header: t("users.agency"), cell: (user) => user.agency?.name ?? "–" },
    { header: t("users.roles"), cell: (user) => <Text size="sm">{user.roles.map((role) => roleLabel(t, role)).join(", ")}</Text> },
    { header: t("users.jurisdiction"), cell: (user) => jurisdictionLabel(t, user.jurisdiction, names) },
    {
      header: t("users.status"),
      cell: (user) => (
        <Group gap={4}>
          <Badge color={user.disabled ? "gray" : "teal"} variant="light" size="sm" tt="none">
            {user.disabled ? t("users.disabled") : t("common.active")}
          </Badge>
          {user.totpEnrolled && (
            <Badge color="blue" variant="light" size="sm" tt="none">
              {t("users.totp")}
            </Badge>
          )}
        </Group>
      ),
    },
    { header: t("users.lastLogin"), cell: (user) => formatDateTime(user.lastLoginAt) },
    {
      header: t("common.actions"),
      cell: (user) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="light" size="sm" aria-label={t("users.actionsFor", { username: user.username })}>
              {t("common.actions")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog({ kind: "edit", user })}>{t("common.edit")}</Menu.Item>
            <Menu.Item onClick={() => setDialog({ kind: "reset", user })}>{t("users.resetPassword")}</Menu.Item>
            <Menu.Item color={user.disabled ? undefined : "red"} onClick={() => setDialog({ kind: "toggle", user })}>
              {user.disabled ? t("users.enable") : t("users.disable")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  function saved(message: string) {
    setDialog(null);
    setNotice(message);
    users.reload();
  }

  return (
    <Stack>
      <PageHeader title={t("nav.users")} actions={<Button onClick={() => setDialog({ kind: "create" })}>{t("users.create")}</Button>} />
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t("common.close")}>
          {notice}
        </Alert>
      )}
      <TextInput
        label={t("users.search")}
        placeholder={t("users.searchPlaceholder")}
        type="search"
        value={search}
        onChange={(event) => {
          setOffset(0);
          setSearch(event.currentTarget.value);
        }}
        maw={400}
      />
      <ErrorAlert error={users.error} />
      <DataList
        list={users}
        items={users.data?.items ?? []}
        columns={columns}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ "data-username": user.username })}
        minWidth={760}
        label={t("nav.users")}
        empty={t("users.empty")}
      />
      <Pager total={users.data?.total ?? 0} offset={offset} pageSize={PAGE} onChange={setOffset} />

      {(dialog?.kind === "create" || dialog?.kind === "edit") && (
        <UserForm
          user={dialog.kind === "edit" ? dialog.user : null}
          agencies={agencies.data?.items ?? []}
          onClose={() => setDialog(null)}
          onCreated={(user, password) => {
            users.reload();
            setNotice(t("users.created", { username: user.username }));
            setDialog({ kind: "password", username: user.username, password });
          }}
          onUpdated={(user) => saved(t("users.updated", { username: user.username }))}
        />
      )}
      {dialog?.kind === "reset" && (
        <ResetPassword
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(password) => setDialog({ kind: "password", username: dialog.user.username, password })}
        />
      )}
      {dialog?.kind === "toggle" && (
        <ToggleDisabled
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => saved(t(dialog.user.disabled ? "users.enabled" : "users.disabledNotice", { username: dialog.user.username }))}
        />
      )}
      {dialog?.kind === "password" && (
        <TemporaryPassword username={dialog.username} password={dialog.password} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

function ResetPassword({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (password: string) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();

  async function confirm() {
    await submission.run(async () => {
      const result = await api.post<{ temporaryPassword: string }>(`/api/admin/users/${user.id}/reset-password`);
      onDone(result.temporaryPassword);
    });
  }

  return (
    <Modal opened onClose={onClose} title={t("users.resetPassword")}>
      <Stack>
        <FormErrorAlert error={submission.error} />
        <Text>{t("users.resetConfirm", { username: user.username })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={() => void confirm()} loading={submission.busy}>
            {t("users.resetPassword")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ToggleDisabled({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const action = user.disabled ? "enable" : "disable";

  async function confirm() {
    const ok = await submission.run(async () => {
      await api.post(`/api/admin/users/${user.id}/${action}`);
    });
    if (ok) onDone();
  }

  return (
    <Modal opened onClose={onClose} title={user.disabled ? t("users.enable") : t("users.disable")}>
      <Stack>
        <FormErrorAlert error={submission.error} />
        <Text>{t(user.disabled ? "users.enableConfirm" : "users.disableConfirm", { username: user.username })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color={user.disabled ? undefined : "red"} onClick={() => void confirm()} loading={submission.busy}>
            {user.disabled ? t("users.enable") : t("users.disable")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
