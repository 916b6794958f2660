import { readConfig, SUBGRAPH_NAMES, type SubgraphName } from "../../shared/config.ts";
import { IMPORTERS } from "../../subgraphs/importers.ts";
import type { Database } from "../../subgraphs/shared/database/open.ts";
import { implausibleMonths, type ImplausibleMonth, type MonthlyTotal } from "../../subgraphs/shared/ingest/plausibility.ts";
import type { SqlClient } from "../../subgraphs/shared/database/open.ts";
import { postgresSchema } from "../../subgraphs/shared/database/migrations.ts";
import { liveCoverageSql } from "../../subgraphs/shared/coverage/live-coverage.ts";
import { parseArgs, table, UsageError } from "./cli.ts";
import { withDatabases } from "./databases.ts";

export interface MeasureStatus {
  subgraph: SubgraphName;
  measure: string;
  sourceKinds: string[];
  forcesCovered: number;
  firstDay: string | null;
  lastDay: string | null;
  units: number;
  syntheticUnits: number;
  missingForces: string[];
}

const STATUS_SQL = (schema: string) => `
  SELECT sm.measure, array_agg(DISTINCT sm.kind ORDER BY sm.kind) FILTER (WHERE sm.kind <> 'sample') AS "sourceKinds",
         coalesce(array_agg(DISTINCT l."forceId") FILTER (WHERE l."forceId" IS NOT NULL), '{}') AS forces,
         to_char(min(l."periodStart"), 'YYYY-MM-DD') AS "firstDay", to_char(max(l."periodEnd"), 'YYYY-MM-DD') AS "lastDay",
         count(DISTINCT (l."batchId", l."forceId", l."periodStart")) FILTER (WHERE l."batchId" IS NOT NULL)::int AS units,
         count(DISTINCT (l."batchId", l."forceId", l."periodStart")) FILTER (WHERE b.synthetic)::int AS "syntheticUnits"
  FROM "${schema}".source_measure sm
  LEFT JOIN (${liveCoverageSql(schema)}) l ON l.measure = sm.measure
  LEFT JOIN "${schema}".import_batch b ON b.id = l."batchId"
  GROUP BY sm.measure ORDER BY sm.measure`;

/** What each measure of a subgraph is covered by now: forces, period, units, how many synthetic, and which forces have nothing. */
export async function measureStatus(sql: SqlClient, subgraph: SubgraphName, forceIds: string[]): Promise<MeasureStatus[]> {
  const schema = postgresSchema(subgraph);
  const measures = (await sql.query<{ measure: string }>(`SELECT DISTINCT measure FROM "${schema}".source_measure`)).map(
    (row) => row.measure,
  );
  const rows = await sql.query<
    Omit<MeasureStatus, "subgraph" | "forcesCovered" | "missingForces"> & { forces: string[]; sourceKinds: string[] | null }
  >(STATUS_SQL(schema), [measures, "0001-01-01", "9999-12-31"]);
  return rows.map(({ forces, sourceKinds, ...row }) => ({
    subgraph,
    ...row,
    sourceKinds: sourceKinds ?? [],
    forcesCovered: forces.length,
    missingForces: forceIds.filter((id) => !forces.includes(id)),
  }));
}

const missing = (forces: string[]) => (forces.length === 0 ? "-" : forces.length > 4 ? `${forces.length} forces` : forces.join(", "));

/** The loaded force-months of every monthly kind whose counts are implausibly low (possibly partial submissions). */
async function flaggedMonths(databases: Map<SubgraphName, Database>): Promise<(ImplausibleMonth & { kind: string })[]> {
  const flagged: (ImplausibleMonth & { kind: string })[] = [];
  for (const importer of Object.values(IMPORTERS)) {
    if (!importer.plausibility) continue;
    const totals = await databases.get(importer.subgraph)!.sql.query<MonthlyTotal>(importer.plausibility.monthlyTotalsSql);
    flagged.push(...implausibleMonths(totals, importer.plausibility.measure).map((month) => ({ kind: importer.kind, ...month })));
  }
  return flagged;
}

/** `hub status [--json]`: per subgraph and measure, what is covered, what is synthetic and what is missing; then the months flagged as implausible. */
export async function statusCommand(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, { flags: ["--json"] });
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const { statuses, flagged } = await withDatabases(readConfig(), async (databases) => {
    const forceIds = (await databases.get("forces")!.sql.query<{ id: string }>(`SELECT id FROM forces.force ORDER BY id`)).map(
      (row) => row.id,
    );
    const all: MeasureStatus[] = [];
    for (const name of SUBGRAPH_NAMES.filter((subgraph) => subgraph !== "forces"))
      all.push(...(await measureStatus(databases.get(name)!.sql, name, forceIds)));
    return { statuses: all, flagged: await flaggedMonths(databases) };
  });
  if (flags.has("--json")) console.log(JSON.stringify({ measures: statuses, implausibleMonths: flagged }, null, 2));
  else {
    console.log(
      table(
        ["subgraph", "measure", "forces", "period covered", "units", "synthetic units", "no data for", "real sources able to give it"],
        statuses.map((status) => [
          status.subgraph,
          status.measure,
          `${status.forcesCovered}/${status.forcesCovered + status.missingForces.length}`,
          status.firstDay ? `${status.firstDay} to ${status.lastDay}` : "-",
          status.units.toLocaleString("en-GB"),
          status.syntheticUnits.toLocaleString("en-GB"),
          missing(status.missingForces),
          status.sourceKinds.join(", "),
        ]),
      ),
    );
    console.log(
      flagged.length
        ? `\nMonths flagged as implausible (loaded; possibly partial submissions):\n${flagged.map((month) => `  ${month.kind}: ${month.note}`).join("\n")}`
        : "\nNo month flagged as implausible.",
    );
  }
  return 0;
}
