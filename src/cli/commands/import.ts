// The `simpul import …` command group. Each data set adds its own subcommand through importCommand(),
// so the group exists once whichever file registers first.
import type { Command } from "commander";

export function importCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "import") ??
    program.command("import").description("Impor data dari berkas (CSV, XLSX, GeoJSON) / import data from files")
  );
}
