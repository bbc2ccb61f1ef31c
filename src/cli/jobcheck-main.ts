// Fast path of `simpul jobcheck`: bin/simpul.js loads this file in-process when the first argument
// is "jobcheck", so the checker starts without the server, database and other commands.
import { Command } from "commander";
import { registerJobcheck } from "./commands/jobcheck";

export async function main(argv: string[]): Promise<void> {
  const program = new Command("simpul");
  registerJobcheck(program);
  await program.parseAsync(argv);
}
