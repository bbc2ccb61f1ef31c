// The top of a console page: the title (an h1 at h2 size), actions on its right, and the dimmed lead under
// it; and the page shown instead when the record could not be loaded.
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "../lib/router";
import { ErrorAlert } from "./FormErrorAlert";

export function PageHeader({ title, lead, actions }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode }) {
  const heading = (
    <Title order={1} size="h2">
      {title}
    </Title>
  );
  return (
    <>
      {actions !== undefined ? (
        <Group justify="space-between">
          {heading}
          {actions}
        </Group>
      ) : (
        heading
      )}
      {lead ? (
        <Text c="dimmed" size="sm">
          {lead}
        </Text>
      ) : null}
    </>
  );
}

/** A record page whose record did not load: the page's title, the error, and the way back to the list. */
export function LoadFailed({
  title,
  error,
  backHref,
  backLabel,
  stretch,
}: {
  title: string;
  error: unknown;
  backHref: string;
  backLabel: string;
  /** The title and error span the page's width (the button keeps its own). */
  stretch?: boolean;
}) {
  return (
    <Stack align={stretch ? undefined : "flex-start"}>
      <PageHeader title={title} />
      <ErrorAlert error={error} />
      <Button component={Link} href={backHref} variant="default" w="fit-content">
        {backLabel}
      </Button>
    </Stack>
  );
}
