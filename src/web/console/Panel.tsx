// One bordered section of a console page under its heading.
import { type MantineSpacing, Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function Panel({
  title,
  mb = "xs",
  children,
}: {
  title: ReactNode /** Space under the heading. */;
  mb?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb={mb}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
