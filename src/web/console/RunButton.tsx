// A form's error and the button that sends it: busy while the request runs, the error (and the API's field
// messages no field shows) above it.
import { Button, type ButtonProps, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { FormErrorAlert } from "./FormErrorAlert";
import type { Submission } from "./forms";

export function RunButton({
  submission,
  rest = Object.values(submission.fields),
  action,
  children,
  ...button
}: ButtonProps & {
  submission: Submission;
  /** Field messages to list in the alert; defaults to all of them. */
  rest?: readonly string[];
  /** The request; throws to show the error. */
  action: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <>
      <FormErrorAlert error={submission.error} rest={rest} />
      <Group>
        <Button {...button} loading={submission.busy} onClick={() => void submission.run(action)}>
          {children}
        </Button>
      </Group>
    </>
  );
}
