import { readConfig, SUBGRAPH_NAMES, type SubgraphName } from "../../shared/config.ts";
import type { SqlClient } from "../../subgraphs/shared/database/open.ts";
import { postgresSchema } from "../../subgraphs/shared/database/migrations.ts";
import { loadForceResolver } from "../../subgraphs/shared/ingest/force-resolver.ts";
import { parseArgs, table, UsageError } from "./cli.ts";
import { withDatabases } from "./databases.ts";

export interface BatchListing {
  batch: string;
  kind: string;
  file: string;
  status: string;
  synthetic: boolean;
  rowsLoaded: number;
  finishedAt: Date | null;
  withdrawnAt: Date | null;
  forces: number;
  firstDay: string | null;
  lastDay: string | null;
  liveUnits: number;
  supersededUnits: number;
}

const coverageColumns = (withCoverage: boolean) =>
  withCoverage
    ? `count(DISTINCT c.force_id)::int AS forces, to_char(min(c.period_start), 'YYYY-MM-DD') AS "firstDay", to_char(max(c.period_end), 'YYYY-MM-DD') AS "lastDay",
       count(DISTINCT (c.force_id, c.period_start)) FILTER (WHERE c.superseded_by_batch_id IS NULL)::int AS "liveUnits",
       count(DISTINCT (c.force_id, c.period_start)) FILTER (WHERE c.superseded_by_batch_id IS NOT NULL)::int AS "supersededUnits"`
    : `0 AS forces, NULL AS "firstDay", NULL AS "lastDay", 0 AS "liveUnits", 0 AS "supersededUnits"`;

/** Every load of a subgraph (not the withdrawal records), with the scope it covers; filtered by kind and force. */
export async function listBatches(
  sql: SqlClient,
  subgraph: SubgraphName,
  filter: { kind?: string; forceId?: string } = {},
): Promise<BatchListing[]> {
  const schema = postgresSchema(subgraph);
  const withCoverage = subgraph !== "forces";
  const rows = await sql.query<Omit<BatchListing, "batch"> & { id: number }>(
    `SELECT b.id, b.kind, b.file_name AS file, b.status, b.synthetic, b.rows_loaded AS "rowsLoaded", b.finished_at AS "finishedAt", b.withdrawn_at AS "withdrawnAt", ${coverageColumns(withCoverage)}
     FROM "${schema}".import_batch b ${withCoverage ? `LEFT JOIN "${schema}".batch_coverage c ON c.batch_id = b.id` : ""}
     WHERE b.kind <> 'withdrawal' AND ($1::text IS NULL OR b.kind = $1)
       ${withCoverage ? `AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM "${schema}".batch_coverage x WHERE x.batch_id = b.id AND x.force_id = $2))` : "AND ($2::text IS NULL OR true)"}
     GROUP BY b.id ORDER BY b.id`,
    [filter.kind ?? null, filter.forceId ?? null],
  );
  return rows.map(({ id, ...row }) => ({ batch: `${subgraph}:${id}`, ...row }));
}

const londonMinute = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as the UK's clocks showed it, `2026-07-01 00:30` (summer time included), as operators read times. */
export function ukLocalMinute(instant: Date | null): string {
  if (!instant) return "-";
  const part = Object.fromEntries(londonMinute.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

function statusOf(listing: BatchListing): string {
  if (listing.status === "LOADED" && listing.supersededUnits > 0)
    return `LOADED, ${listing.supersededUnits} of ${listing.liveUnits + listing.supersededUnits} units superseded`;
  return listing.status;
}

/** `hub batches [--kind K] [--force F] [--subgraph S] [--json]`: the loads, their scope, status and rows. */
export async function batchesCommand(args: string[]): Promise<number> {
  const { positional, flags, options } = parseArgs(args, { flags: ["--json"], options: ["--kind", "--force", "--subgraph"] });
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const subgraph = options.get("--subgraph");
  if (subgraph && !SUBGRAPH_NAMES.includes(subgraph as SubgraphName))
    throw new UsageError(`unknown subgraph "${subgraph}" (one of ${SUBGRAPH_NAMES.join(", ")})`);
  const names = subgraph ? [subgraph as SubgraphName] : SUBGRAPH_NAMES;
  const listings = await withDatabases(
    readConfig(),
    async (databases) => {
      const forceName = options.get("--force");
      const forceId = forceName ? (await loadForceResolver(databases.get("forces")!.sql)).resolve(forceName) : undefined;
      if (forceName && !forceId) throw new Error(`unknown force "${forceName}"`);
      const all: BatchListing[] = [];
      for (const name of names) all.push(...(await listBatches(databases.get(name)!.sql, name, { kind: options.get("--kind"), forceId })));
      return all;
    },
    [...new Set<SubgraphName>(["forces", ...names])],
  );
  if (flags.has("--json")) console.log(JSON.stringify(listings, null, 2));
  else {
    console.log(
      table(
        ["batch", "kind", "status", "rows", "forces", "period", "finished (UK time)", "file"],
        listings.map((listing) => [
          listing.batch,
          listing.kind + (listing.synthetic ? " (synthetic)" : ""),
          statusOf(listing),
          listing.rowsLoaded.toLocaleString("en-GB"),
          String(listing.forces),
          listing.firstDay ? `${listing.firstDay} to ${listing.lastDay}` : "-",
          ukLocalMinute(listing.finishedAt),
          listing.file,
        ]),
      ),
    );
  }
  return 0;
}
