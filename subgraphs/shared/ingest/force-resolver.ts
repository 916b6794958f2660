import type { SqlClient } from "../database/open.ts";
import { normaliseForceName } from "../reference/force-alias.ts";

/** Matches the names and codes sources use to one force, through the aliases the forces subgraph owns. */
export interface ForceResolver {
  resolve(nameOrCode: string): string | undefined;
}

export async function loadForceResolver(forcesSql: SqlClient): Promise<ForceResolver> {
  const rows = await forcesSql.query<{ alias: string; force_id: string }>("SELECT alias, force_id FROM forces.force_alias");
  const aliases = new Map(rows.map((row) => [row.alias, row.force_id]));
  // A file names the same few forces millions of times: normalise each spelling once.
  const seen = new Map<string, string | undefined>();
  return {
    resolve(nameOrCode) {
      if (!seen.has(nameOrCode)) seen.set(nameOrCode, aliases.get(normaliseForceName(nameOrCode)));
      return seen.get(nameOrCode);
    },
  };
}
