// The `simpul` command line. Each command group lives in its own file under commands/.
import { Command } from "commander";
import { APP_VERSION } from "../server/config";
import { registerAudit } from "./commands/audit";
import { registerBackup } from "./commands/backup";
import { registerDb } from "./commands/db";
import { registerImportBoundaries } from "./commands/import-boundaries";
import { registerImportP3mi } from "./commands/import-p3mi";
import { registerIntel } from "./commands/intel";
import { registerJobcheck } from "./commands/jobcheck";
import { registerKeys } from "./commands/keys";
import { registerPrivacy } from "./commands/privacy";
import { registerUser } from "./commands/user";
import { registerWorker } from "./commands/worker";
import { CliError } from "./context";

const program = new Command("simpul").description("Simpul: sistem bersama pencegahan dan penanganan TPPO").version(APP_VERSION);
registerDb(program);
registerUser(program);
registerAudit(program);
registerJobcheck(program);
registerImportP3mi(program);
registerKeys(program);
registerImportBoundaries(program);
registerIntel(program);
registerWorker(program);
registerBackup(program);
registerPrivacy(program);

program.parseAsync(process.argv).catch((err) => {
  if (err instanceof CliError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
