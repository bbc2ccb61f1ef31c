import { defineConfig } from "drizzle-kit";

// The foundation tables live in src/server/db/schema.ts; each feature module keeps its own
// tables in src/server/modules/<feature>/<feature>.tables.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/server/db/schema.ts", "./src/server/modules/*/*.tables.ts"],
  out: "./drizzle",
});
