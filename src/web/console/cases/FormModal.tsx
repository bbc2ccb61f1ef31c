import type { FormEvent, ReactNode } from "react";
import { type Submission, useSubmission } from "../forms";
import { FormDialog } from "../FormDialog";

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
  /** Defaults to "Save". */
  submitLabel?: string;
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
    <FormDialog
      opened={opened}
      title={title}
      onClose={() => {
        submission.reset();
        onClose();
      }}
      onCancel={onClose}
      onSubmit={submit}
      submission={submission}
      submitLabel={submitLabel}
      danger={danger}
      disabled={disabled}
    >
      {children(submission)}
    </FormDialog>
  );
}
