// "Cek grup desa": a volunteer or PIMPASA uploads an exported village WhatsApp group (.txt or .zip) and
// sees the messages that look like job offers, riskiest first, with their red flags. The server stores
// nothing from the chat, so the list lives only on this page: leaving it clears it.
import { Alert, Badge, Button, FileButton, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChatCheckResponse } from "../../../server/modules/chatcheck/chatcheck.schema";
import { api } from "../../lib/api";
import { formatDateTime, formatNumber } from "../../lib/format";
import { uploadError } from "../UploadButton";
import { usePageTitle } from "../usePageTitle";
import { PageHeader } from "../PageHeader";

const ACCEPT = [".txt", ".zip", "text/plain", "application/zip"];
const LEVEL_COLOURS = { tinggi: "red", sedang: "orange", rendah: "teal" } as const;
/** The server's cap; refused here first so a phone does not send a file that would be refused. */
const MAX_BYTES = 16 * 1024 * 1024;

export function GroupChatCheck() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("chatCheck.title"));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ChatCheckResponse | null>(null);
  const en = i18n.language === "en";

  async function send(file: File | null) {
    if (!file) return;
    setProblem(null);
    setResult(null);
    if (file.size > MAX_BYTES) return setProblem(t("chatCheck.tooBig"));
    setBusy(true);
    try {
      // Sent as bytes: the server tells a .zip from a .txt by its content.
      setResult(await api.upload<ChatCheckResponse>("/api/outreach/chat-check", new Blob([file], { type: "application/octet-stream" })));
    } catch (caught) {
      setProblem(uploadError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <PageHeader title={t("chatCheck.title")} lead={t("chatCheck.lead")} />
      <Text size="sm">{t("chatCheck.howTo")}</Text>
      <Text size="sm" fw={500}>
        {t("chatCheck.privacy")}
      </Text>
      <Group>
        <FileButton onChange={(file) => void send(file)} accept={ACCEPT.join(",")}>
          {(props) => (
            <Button {...props} size="md" loading={busy}>
              {t("chatCheck.choose")}
            </Button>
          )}
        </FileButton>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {result && (
        <Stack aria-live="polite">
          <Text data-testid="chat-summary">
            {t("chatCheck.summary", { messages: formatNumber(result.messages), offers: formatNumber(result.offers.length) })}
          </Text>
          {result.truncated && <Alert color="yellow">{t("chatCheck.truncated", { checked: formatNumber(result.checked) })}</Alert>}
          {result.offers.length === 0 && <Text>{t("chatCheck.none")}</Text>}
          {result.offers.map((offer) => (
            <Paper
              key={`${offer.sentAt}|${offer.author}|${offer.text.slice(0, 60)}`}
              withBorder
              p="md"
              data-testid="chat-offer"
              data-level={offer.level}
            >
              <Group justify="space-between" mb="xs">
                <Badge color={LEVEL_COLOURS[offer.level]} size="lg">
                  {t(`chatCheck.level.${offer.level}`)}
                </Badge>
                <Text size="sm" c="dimmed">
                  {formatDateTime(offer.sentAt)}
                  {offer.author ? ` · ${offer.author}` : ""}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {offer.text}
              </Text>
              {offer.flags.length > 0 && (
                <ul className="chat-flags" data-testid="chat-flags">
                  {offer.flags.map((flag) => (
                    <li key={flag.code} data-flag={flag.code}>
                      <Text size="sm" span fw={600}>
                        {en ? flag.titleEn : flag.title}
                      </Text>
                      {flag.evidence.length > 0 && (
                        <Text size="sm" span>
                          {` — ${flag.evidence.map((e) => `“${e}”`).join(", ")}`}
                        </Text>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {offer.phones.length > 0 && (
                <Text size="sm" mt="xs">
                  {t("chatCheck.phones", { phones: offer.phones.join(", ") })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
