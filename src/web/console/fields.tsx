// Form fields bound to a string: the value in, the new value out (not the change event).
import { Textarea, type TextareaProps, TextInput, type TextInputProps } from "@mantine/core";

type Bound<P> = Omit<P, "value" | "onChange"> & { value: string; onChange: (value: string) => void };

/** Free text over a few lines (two unless `minRows` says otherwise), growing with its content. */
export function NoteField({ onChange, minRows = 2, ...props }: Bound<TextareaProps>) {
  return <Textarea autosize minRows={minRows} onChange={(e) => onChange(e.currentTarget.value)} {...props} />;
}

/** A calendar date (YYYY-MM-DD). */
export function DateField({ onChange, ...props }: Bound<Omit<TextInputProps, "type">>) {
  return <TextInput type="date" onChange={(e) => onChange(e.currentTarget.value)} {...props} />;
}

/** One line of text. */
export function TextField({ onChange, ...props }: Bound<TextInputProps>) {
  return <TextInput onChange={(e) => onChange(e.currentTarget.value)} {...props} />;
}
