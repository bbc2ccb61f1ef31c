import { Alert, Button, Paper, PasswordInput, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api";
import { navigate } from "../lib/router";
import { updateMe } from "../lib/session";
import type { Me } from "../lib/types";
import { FormErrorAlert } from "./FormErrorAlert";
import { splitFieldErrors, useSubmission } from "./forms";
import { usePageTitle } from "./usePageTitle";
import { PageHeader } from "./PageHeader";

export const CHANGE_PASSWORD_PATH = "/konsol/kata-sandi";

const FIELDS = ["currentPassword", "newPassword"] as const;

/** The user's own password; required first when an admin gave them a temporary one. */
export function ChangePassword({ me, forced }: { me: Me; forced: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t("password.title"));
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const submission = useSubmission();
  const { byField, rest } = splitFieldErrors(submission.fields, FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const ok = await submission.run(async () => {
      await api.post("/api/auth/password", { currentPassword: current, newPassword: next });
    });
    if (!ok) return;
    setCurrent("");
    setNext("");
    setRepeat("");
    setDone(true);
    // Stay on this page to show the confirmation once the requirement is lifted.
    navigate(CHANGE_PASSWORD_PATH, { replace: true });
    updateMe({ ...me, mustChangePassword: false });
  }

  return (
    <Stack maw={480}>
      <PageHeader title={t("password.title")} />
      {forced && <Alert color="yellow">{t("password.required")}</Alert>}
      {done ? (
        <Alert color="teal" role="status">
          <Stack gap="sm" align="flex-start">
            <Text>{t("password.changed")}</Text>
            <Button onClick={() => navigate("/konsol")}>{t("console.backToDashboard")}</Button>
          </Stack>
        </Alert>
      ) : (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <FormErrorAlert error={submission.error} rest={rest} />
              <PasswordInput
                label={t("password.current")}
                autoComplete="current-password"
                required
                value={current}
                onChange={(event) => setCurrent(event.currentTarget.value)}
                error={byField.currentPassword}
                aria-invalid={byField.currentPassword ? true : undefined}
              />
              <PasswordInput
                label={t("password.new")}
                description={t("password.newHint")}
                autoComplete="new-password"
                required
                value={next}
                onChange={(event) => setNext(event.currentTarget.value)}
                error={byField.newPassword}
                aria-invalid={byField.newPassword ? true : undefined}
              />
              <PasswordInput
                label={t("password.confirm")}
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(event) => setRepeat(event.currentTarget.value)}
                error={mismatch ? t("password.mismatch") : undefined}
                aria-invalid={mismatch ? true : undefined}
              />
              <Button type="submit" loading={submission.busy} w="fit-content">
                {t("password.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
