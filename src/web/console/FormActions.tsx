// The buttons under a console form: submit (busy while the request runs) and cancel. On a page the submit
// button comes first, on the left; in a dialog Cancel comes first and both sit on the right.
import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function FormActions({
  busy,
  onCancel,
  submitLabel,
  dialog,
  danger,
  disabled,
}: {
  busy: boolean;
  onCancel: () => void;
  /** Defaults to "Save". */
  submitLabel?: ReactNode;
  dialog?: boolean;
  /** A destructive action: the submit button is red. */
  danger?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const submit = (
    <Button type="submit" color={danger ? "red" : undefined} loading={busy} disabled={disabled}>
      {submitLabel ?? t("common.save")}
    </Button>
  );
  const cancel = (
    <Button variant="default" onClick={onCancel}>
      {t("common.cancel")}
    </Button>
  );
  return dialog ? (
    <Group justify="flex-end">
      {cancel}
      {submit}
    </Group>
  ) : (
    <Group>
      {submit}
      {cancel}
    </Group>
  );
}
