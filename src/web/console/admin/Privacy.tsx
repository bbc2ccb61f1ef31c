// Erasure of a person's data on request (UU 27/2022 Pasal 43/44): find by phone, NIK or e-mail, preview
// the counts, then erase with a reason. Shown when the server grants `erasePersonalData`; the server
// decides everything (what matches, what a legal hold keeps) and audits each step.
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import { FormErrorAlert } from "../FormErrorAlert";
import { ReasonField } from "../ReasonField";
import { splitFieldErrors, useSubmission } from "../forms";
import { usePageTitle } from "../usePageTitle";

type Result = {
  requestId: string | null;
  executed: boolean;
  counts: Record<string, number>;
  refused: { kind: string; reference: string; reason: string }[];
};

const COUNTS = ["reportContacts", "reportPeople", "casePersons", "screenings", "intelIdentifiers", "volunteers"] as const;
const FIELDS = ["phone", "nik", "email", "reason"] as const;

export function Privacy() {
  const { t } = useTranslation();
  usePageTitle(t("nav.privacy"));
  const [phone, setPhone] = useState("");
  const [nik, setNik] = useState("");
  const [email, setEmail] = useState("");
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const submission = useSubmission();
  const { byField, rest } = splitFieldErrors(submission.fields, FIELDS);
  const subject = () => ({
    ...(phone.trim() ? { phone: phone.trim() } : {}),
    ...(nik.trim() ? { nik: nik.trim() } : {}),
    ...(email.trim() ? { email: email.trim() } : {}),
  });

  async function preview(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    await submission.run(async () => setResult(await api.post<Result>("/api/privacy/erasure/preview", subject())));
  }
  async function erase() {
    if (!window.confirm(t("privacy.confirm"))) return;
    await submission.run(async () => setResult(await api.post<Result>("/api/privacy/erasure", { ...subject(), reason: reason.trim() })));
  }
  /** A changed identifier invalidates the preview: erasing needs a fresh one. */
  const edit = (set: (v: string) => void) => (e: { currentTarget: { value: string } }) => {
    set(e.currentTarget.value);
    setResult(null);
  };

  return (
    <Stack maw={760}>
      <Title order={2}>{t("nav.privacy")}</Title>
      <Text size="sm">{t("privacy.lead")}</Text>
      <form onSubmit={preview} noValidate>
        <Stack>
          <FormErrorAlert error={submission.error} rest={rest} />
          <Group grow align="flex-start">
            <TextInput label={t("privacy.phone")} value={phone} onChange={edit(setPhone)} error={byField.phone} />
            <TextInput label={t("privacy.nik")} value={nik} onChange={edit(setNik)} error={byField.nik} />
            <TextInput label={t("privacy.email")} value={email} onChange={edit(setEmail)} error={byField.email} />
          </Group>
          <Group>
            <Button type="submit" loading={submission.busy && !result}>
              {t("privacy.preview")}
            </Button>
          </Group>
        </Stack>
      </form>
      {result && (
        <Stack data-testid="privacy-result">
          <Alert color={result.executed ? "green" : "blue"} title={t(result.executed ? "privacy.done" : "privacy.previewTitle")}>
            <Table>
              <Table.Tbody>
                {COUNTS.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>{t(`privacy.count.${k}`)}</Table.Td>
                    <Table.Td>{formatNumber(result.counts[k] ?? 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
          {result.refused.length > 0 && (
            <Alert color="orange" title={t("privacy.refused")}>
              {result.refused.map((r) => (
                <Text size="sm" key={`${r.kind}-${r.reference}`}>
                  {t(`privacy.kind.${r.kind}`)} {r.reference}
                </Text>
              ))}
            </Alert>
          )}
          {!result.executed && (
            <>
              <ReasonField
                label={t("privacy.reason")}
                hint={t("privacy.reasonHint")}
                value={reason}
                onChange={setReason}
                error={byField.reason}
              />
              <Group>
                <Button color="red" onClick={erase} loading={submission.busy}>
                  {t("privacy.erase")}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
