import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SubgraphName } from "../../../shared/config.ts";
import { withSchemaEngine } from "./schema-engine.ts";
import { projectPath } from "../../../shared/project-path.ts";

export const prismaDir = (name: SubgraphName) => projectPath("prisma", name);

/** The PostgreSQL schema a subgraph's tables live in. */
export const postgresSchema = (name: SubgraphName) => name.replace(/-/g, "_");

function schemaFile(name: SubgraphName) {
  const fileName = join(prismaDir(name), "schema.prisma");
  return { fileName, text: readFileSync(fileName, "utf8") };
}

function migrationsList(name: SubgraphName) {
  const baseDir = join(prismaDir(name), "migrations");
  const lockPath = join(baseDir, "migration_lock.toml");
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((directory) => ({
      path: directory,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(join(baseDir, directory, "migration.sql"), "utf8") },
      },
    })),
  };
}

const filters = { externalTables: [], externalEnums: [] };

let migrating: Promise<unknown> = Promise.resolve();

/**
 * Applies the subgraph's committed migrations that the database has not seen; returns their names.
 * Runs one at a time in a process: engines racing for PostgreSQL's migration lock time out.
 */
export function applyMigrations(name: SubgraphName, adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const run = migrating.then(async () => {
    const result = await withSchemaEngine(schemaFile(name), adapter, (engine) =>
      engine.applyMigrations({ migrationsList: migrationsList(name), filters }),
    );
    return result.appliedMigrationNames;
  });
  migrating = run.catch(() => undefined);
  return run;
}

/** SQL that takes the committed migrations to the current schema.prisma: the body of the next migration. */
export async function nextMigrationSql(name: SubgraphName, adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const schema = schemaFile(name);
  const result = await withSchemaEngine(schema, adapter, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrationsList(name) },
      to: { tag: "schemaDatamodel", files: [{ path: schema.fileName, content: schema.text }] },
      script: true,
      exitCode: null,
      filters,
    }),
  );
  return result.stdout ?? "";
}
