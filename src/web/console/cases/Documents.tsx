// The documents of a case (scans, letters, photos): list, download, upload, remove. Shown only to the
// case team and whole-case referral recipients; the server answers 404 to everyone else. Loading the
// list and every download is audited on the server, so the list loads only when the tab is opened.
import { Alert, Anchor, Button, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { request } from "../../lib/api";
import type { CaseDocument } from "../../lib/cases";
import { errorMessage } from "../../lib/errors";
import { formatDateTime, formatNumber } from "../../lib/format";
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS } from "../../lib/reports";
import { useResource } from "../hooks";
import { UploadButton } from "../UploadButton";
import type { TabProps } from "./CaseDetailPage";
import { SimpleTable } from "../SimpleTable";
import { ErrorAlert } from "../FormErrorAlert";

export function DocumentsTab({ detail }: TabProps) {
  const { t } = useTranslation();
  const base = `/api/cases/${detail.id}/documents`;
  const list = useResource<{ items: CaseDocument[] }>(base);
  const [error, setError] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const open = detail.abilities.changeDocuments;

  async function remove(doc: CaseDocument) {
    if (!window.confirm(t("cases.documents.removeConfirm", { name: doc.name }))) return;
    setError(null);
    try {
      await request("DELETE", `${base}/${doc.id}`);
      list.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <Stack data-testid="case-documents">
      <Text size="sm" c="dimmed">
        {t("cases.documents.lead")}
      </Text>
      <ErrorAlert error={list.error} />
      {!list.loading && !list.error && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("cases.documents.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <SimpleTable
          minWidth={560}
          verticalSpacing="xs"
          headers={[
            t("cases.documents.name"),
            t("cases.documents.size"),
            t("cases.documents.uploadedBy"),
            t("cases.documents.uploadedAt"),
            null,
          ]}
        >
          {items.map((doc) => (
            <Table.Tr key={doc.id} data-testid="case-document">
              <Table.Td>
                <Anchor href={`${base}/${doc.id}`} download={doc.name} size="sm">
                  {doc.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatNumber(Math.max(1, Math.round(doc.size / 1024)))} KB</Table.Td>
              <Table.Td>{doc.uploadedBy.displayName}</Table.Td>
              <Table.Td>{formatDateTime(doc.createdAt)}</Table.Td>
              <Table.Td>
                {open && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => void remove(doc)}>
                    {t("cases.documents.remove")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {open ? (
        <UploadButton
          label={t("cases.documents.add")}
          accept={ATTACHMENT_TYPES}
          room={MAX_ATTACHMENTS - items.length}
          target={(file) => `${base}?name=${encodeURIComponent(file.name)}`}
          onUploaded={list.reload}
          disabled={list.loading && !list.data}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t("cases.documents.closed")}
        </Text>
      )}
    </Stack>
  );
}
