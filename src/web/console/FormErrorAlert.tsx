import { Alert } from "@mantine/core";
import { errorMessage } from "../lib/errors";

/** A form's error from `useSubmission`, with the API's field messages that no field on the form shows. */
export function FormErrorAlert({ error, rest = [] }: { error: string | null; rest?: readonly string[] }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {error}
      {rest.length > 0 && (
        <ul>
          {rest.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The error a load failed with (a `Resource`'s `error`), in the user's words; nothing when there is none. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
