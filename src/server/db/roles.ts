// Least-privilege PostgreSQL roles: a migrator that owns the schema and an application role that
// reads and writes rows but cannot change the schema, and cannot UPDATE, DELETE or TRUNCATE the audit
// trail (it may only append). `simpul db roles` prints this SQL or runs it (as a superuser, after
// `simpul db migrate`); run the server as the application role with SIMPUL_MIGRATE=0.

export type RoleNames = { app: string; migrator: string };
export const DEFAULT_ROLES: RoleNames = { app: "simpul_app", migrator: "simpul_migrator" };

const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new Error(`not a plain role name: ${s}`);
  return `"${s}"`;
};
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Idempotent statements; passwords are optional (set them here or with ALTER ROLE … PASSWORD later). */
export function rolesSql(
  database: string,
  names: RoleNames = DEFAULT_ROLES,
  passwords: { app?: string; migrator?: string } = {},
): string[] {
  const app = ident(names.app);
  const mig = ident(names.migrator);
  const db = `"${database.replace(/"/g, '""')}"`;
  const createRole = (name: string) =>
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(name)}) THEN CREATE ROLE ${ident(name)} LOGIN; END IF; END $$`;
  const out = [createRole(names.migrator), createRole(names.app)];
  if (passwords.migrator) out.push(`ALTER ROLE ${mig} PASSWORD ${literal(passwords.migrator)}`);
  if (passwords.app) out.push(`ALTER ROLE ${app} PASSWORD ${literal(passwords.app)}`);
  out.push(
    `GRANT CONNECT, CREATE ON DATABASE ${db} TO ${mig}`,
    `GRANT CONNECT ON DATABASE ${db} TO ${app}`,
    `GRANT USAGE, CREATE ON SCHEMA public TO ${mig}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // The migrator owns every table, sequence and the migrations journal, so later migrations run as it.
    `DO $$ DECLARE r record; BEGIN
       FOR r IN SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'drizzle') LOOP
         EXECUTE format('ALTER TABLE %I.%I OWNER TO ${names.migrator}', r.schemaname, r.tablename);
       END LOOP;
       FOR r IN SELECT sequence_schema AS s, sequence_name AS n FROM information_schema.sequences WHERE sequence_schema IN ('public', 'drizzle') LOOP
         EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO ${names.migrator}', r.s, r.n);
       END LOOP;
       IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN EXECUTE 'ALTER SCHEMA drizzle OWNER TO ${names.migrator}'; END IF;
     END $$`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${mig} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${mig} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    // The audit trail is append-only for the application.
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app}`,
    `REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM ${app}`,
  );
  return out;
}
