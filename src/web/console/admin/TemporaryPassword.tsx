import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shows a temporary password once; it is not kept anywhere after this dialog closes. */
export function TemporaryPassword({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t("users.tempPasswordTitle")} closeOnClickOutside={false}>
      <Stack>
        <Text>{t("users.tempPasswordFor", { username })}</Text>
        <Code block className="konsol-secret" data-testid="temporary-password">
          {password}
        </Code>
        <Alert color="yellow">{t("users.tempPasswordOnce")}</Alert>
        <Group justify="flex-end">
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t("common.copied") : t("common.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t("common.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
