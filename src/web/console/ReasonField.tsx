// A required reason with a hint (legal hold, erasure request): the text the server keeps encrypted.
import { Textarea } from "@mantine/core";

export function ReasonField(props: { label: string; hint: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <Textarea
      required
      autosize
      minRows={2}
      label={props.label}
      description={props.hint}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
    />
  );
}
