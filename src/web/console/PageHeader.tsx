// The top of a console page: the title (an h1 at h2 size), actions on its right, and the dimmed lead under
// it; and the page shown instead when the record could not be loaded.
import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "../lib/router";
import { ErrorAlert } from "./FormErrorAlert";

export function PageHeader({
  title,
  lead,
  actions,
  badges,
  back,
}: {
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  /** The record's badges, under the title. */
  badges?: ReactNode;
  /** The way back to the list, above the title. */
  back?: { href: string; label: string };
}) {
  const heading = (
    <Title order={1} size="h2">
      {title}
    </Title>
  );
  const named =
    badges !== undefined ? (
      <Stack gap={4}>
        {heading}
        <Group gap="xs">{badges}</Group>
      </Stack>
    ) : (
      heading
    );
  return (
    <>
      {back && (
        <Anchor component={Link} href={back.href} size="sm">
          ← {back.label}
        </Anchor>
      )}
      {actions !== undefined ? (
        <Group justify="space-between" align={badges !== undefined ? "flex-start" : undefined}>
          {named}
          {actions}
        </Group>
      ) : (
        named
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
