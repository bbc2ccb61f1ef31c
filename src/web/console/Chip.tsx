import { CloseButton, Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A chosen value with a remove button that keyboard and screen-reader users can reach
 * (Mantine's Pill hides its remove button from them).
 */
export function Chip({ children, removeLabel, onRemove }: { children: ReactNode; removeLabel: string; onRemove: () => void }) {
  return (
    <Paper component="span" withBorder radius="xl" pl="sm" pr={2} py={2} display="inline-block" bg="gray.0">
      <Group gap={4} wrap="nowrap" component="span">
        <Text size="sm" component="span">
          {children}
        </Text>
        <CloseButton size="md" aria-label={removeLabel} title={removeLabel} onClick={onRemove} />
      </Group>
    </Paper>
  );
}
