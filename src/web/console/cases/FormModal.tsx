// A dialog holding one form: submits through useSubmission, shows the API's message and field
// errors, and closes on success.
import { Modal, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { type Submission, useSubmission } from "../forms";
import { FormErrorAlert } from "../FormErrorAlert";
import { FormActions } from "../FormActions";

export function FormModal({
  opened,
  title,
  submitLabel,
  onClose,
  onSubmit,
  children,
  danger,
  disabled,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  onClose: () => void;
  /** Throws to keep the dialog open with the error; resolves to close it. */
  onSubmit: () => Promise<void>;
  children: (submission: Submission) => ReactNode;
  danger?: boolean;
  disabled?: boolean;
}) {
  const submission = useSubmission();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await submission.run(onSubmit)) onClose();
  }
  return (
    <Modal
      opened={opened}
      onClose={() => {
        submission.reset();
        onClose();
      }}
      title={title}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormErrorAlert error={submission.error} />
          {children(submission)}
          <FormActions busy={submission.busy} onCancel={onClose} submitLabel={submitLabel} dialog danger={danger} disabled={disabled} />
        </Stack>
      </form>
    </Modal>
  );
}
