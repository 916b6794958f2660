import { createHash } from "node:crypto";
import { standingSampleBatches } from "../../subgraphs/shared/ingest/batches.ts";
import { userInfo } from "node:os";
import { afterRowsChange, REVISABLE_TABLES } from "../../subgraphs/importers.ts";
import { readConfig, SUBGRAPH_NAMES, type SubgraphName } from "../../shared/config.ts";
import type { Database, SqlClient } from "../../subgraphs/shared/database/open.ts";
import { postgresSchema } from "../../subgraphs/shared/database/migrations.ts";
import { withdrawBatch, type WithdrawResult } from "../../subgraphs/shared/ingest/withdraw.ts";
import { recordSampleRemoved } from "../../subgraphs/shared/sample/sample-choice.ts";
import { parseArgs, UsageError } from "./cli.ts";
import { withDatabases } from "./databases.ts";

/** An operator's change to the data goes in the audit log beside every GraphQL operation. */
async function audit(forces: SqlClient, command: string, result: WithdrawResult): Promise<void> {
  await forces.query(
    `INSERT INTO forces.audit_entry (at, subject, role, operation_name, document_sha256, variables, outcome, error_codes)
     VALUES (now(), $1, 'OPERATOR', $2, $3, $4::jsonb, 'OK', '{}')`,
    [
      userInfo().username,
      command,
      createHash("sha256").update(command).digest("hex"),
      JSON.stringify({ ...result, units: result.units.length }),
    ],
  );
}

const describe = (result: WithdrawResult) =>
  `${result.subgraph}:${result.batchId} (${result.kind}, ${result.file}) withdrawn: ${result.rowsWithdrawn.toLocaleString("en-GB")} rows out of the figures, ` +
  `${result.rowsRestored.toLocaleString("en-GB")} rows restored` +
  (result.restoredBatchIds.length ? ` from batch ${result.restoredBatchIds.join(", ")}` : "") +
  `; ${result.units.length} force × period units refreshed`;

async function withdraw(
  databases: Map<SubgraphName, Database>,
  subgraph: SubgraphName,
  batchId: number,
  command: string,
): Promise<WithdrawResult> {
  const result = await withdrawBatch(
    databases.get(subgraph)!.sql,
    subgraph,
    REVISABLE_TABLES[subgraph],
    batchId,
    afterRowsChange(subgraph),
  );
  await audit(databases.get("forces")!.sql, command, result);
  return result;
}

function parseBatch(text: string | undefined): [SubgraphName, number] {
  const match = text ? /^([a-z-]+):(\d+)$/.exec(text) : null;
  if (!match || !SUBGRAPH_NAMES.includes(match[1] as SubgraphName))
    throw new UsageError(`name a batch as <subgraph>:<id>, e.g. crime-priorities:12 (see hub batches)${text ? `, not "${text}"` : ""}`);
  return [match[1] as SubgraphName, Number(match[2])];
}

/** `hub withdraw <subgraph>:<id> [--json]`: takes a batch back and restores what it had superseded. */
export async function withdrawCommand(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, { flags: ["--json"] });
  const [subgraph, batchId] = parseBatch(positional[0]);
  const names = [...new Set<SubgraphName>(["forces", subgraph])];
  const result = await withDatabases(
    readConfig(),
    (databases) => withdraw(databases, subgraph, batchId, `hub withdraw ${subgraph}:${batchId}`),
    names,
  );
  console.log(flags.has("--json") ? JSON.stringify(result, null, 2) : describe(result));
  return 0;
}

/** Withdraws every synthetic sample batch still standing, subgraph by subgraph, each audited. */
export async function removeSample(databases: Map<SubgraphName, Database>): Promise<WithdrawResult[]> {
  const done: WithdrawResult[] = [];
  for (const name of SUBGRAPH_NAMES) {
    const sample = await standingSampleBatches(databases.get(name)!.sql, postgresSchema(name));
    for (const id of sample) done.push(await withdraw(databases, name, id, `hub sample remove (${name}:${id})`));
    await recordSampleRemoved(name, databases.get(name)!.sql);
  }
  return done;
}

/** `hub sample remove [--json]`: withdraws the synthetic sample from every subgraph, leaving reference data and real loads. */
export async function sampleCommand(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, { flags: ["--json"] });
  if (positional[0] !== "remove" || positional.length > 1) throw new UsageError("the sample command is: hub sample remove");
  const results = await withDatabases(readConfig(), removeSample);
  if (flags.has("--json")) console.log(JSON.stringify(results, null, 2));
  else if (!results.length) console.log("no synthetic sample is loaded: nothing to remove");
  else results.forEach((result) => console.log(describe(result)));
  return 0;
}
