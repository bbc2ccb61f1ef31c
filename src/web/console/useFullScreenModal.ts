import { useMediaQuery } from "@mantine/hooks";

/** Dialogs fill the screen on phones, where a floating box leaves no room for the form. */
export function useFullScreenModal(): boolean {
  return useMediaQuery("(max-width: 36em)") ?? false;
}
