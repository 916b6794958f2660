/**
 * Writes the next migration for each subgraph whose schema.prisma has changed:
 *   npm run migration:new -- <label> [subgraph ...]
 * The diff runs on an in-memory PGlite, so no database or native engine is needed.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { SUBGRAPH_NAMES, type SubgraphName } from "../shared/config.ts";
import { nextMigrationSql, prismaDir } from "../subgraphs/shared/database/migrations.ts";

const [label, ...only] = process.argv.slice(2);
if (!label || !/^[a-z0-9_]+$/.test(label)) {
  console.error("usage: npm run migration:new -- <label_in_snake_case> [subgraph ...]");
  process.exit(2);
}
const names = (only.length ? only : SUBGRAPH_NAMES) as SubgraphName[];

for (const name of names) {
  const migrations = join(prismaDir(name), "migrations");
  mkdirSync(migrations, { recursive: true });
  const lock = join(migrations, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
  const pglite = await PGlite.create();
  const sql = await nextMigrationSql(name, new PrismaPGlite(pglite));
  await pglite.close();
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${name}: schema unchanged`);
    continue;
  }
  const sequence = readdirSync(migrations).filter((entry) => /^\d{4}_/.test(entry)).length + 1;
  const folder = join(migrations, `${String(sequence).padStart(4, "0")}_${label}`);
  mkdirSync(folder);
  writeFileSync(join(folder, "migration.sql"), sql);
  console.log(`${name}: wrote ${folder}`);
}
