// A dialog holding one form: the form's error (with the API's field messages no field shows), the
// fields, then Cancel and submit. The caller keeps the form's state and its `useSubmission`.
import { Modal, type ModalProps, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { FormActions } from "./FormActions";
import { FormErrorAlert } from "./FormErrorAlert";
import type { Submission } from "./forms";

export function FormDialog({
  title,
  opened = true,
  onClose,
  onCancel,
  onSubmit,
  submission,
  rest,
  size = "lg",
  fullScreen,
  validate,
  submitLabel,
  danger,
  disabled,
  children,
}: {
  title: string;
  opened?: boolean;
  /** Closing the dialog (the × and Escape); also Cancel unless `onCancel` says otherwise. */
  onClose: () => void;
  onCancel?: () => void;
  onSubmit: (event: FormEvent) => void | Promise<void>;
  submission: Pick<Submission, "busy" | "error">;
  rest?: readonly string[];
  size?: ModalProps["size"];
  fullScreen?: boolean;
  /** Lets the browser check required fields before sending (off: the API's messages show instead). */
  validate?: boolean;
  submitLabel?: ReactNode;
  danger?: boolean;
  disabled?: boolean;
  /** The fields. */
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={fullScreen}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate={!validate}>
        <Stack>
          <FormErrorAlert error={submission.error} rest={rest} />
          {children}
          <FormActions
            busy={submission.busy}
            onCancel={onCancel ?? onClose}
            submitLabel={submitLabel}
            dialog
            danger={danger}
            disabled={disabled}
          />
        </Stack>
      </form>
    </Modal>
  );
}
