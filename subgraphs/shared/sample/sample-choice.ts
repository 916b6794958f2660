import type { HubConfig, SubgraphName } from "../../../shared/config.ts";
import { heldBatches } from "../ingest/batches.ts";
import type { SqlClient } from "../database/open.ts";
import { postgresSchema } from "../database/migrations.ts";
import { beginDataChange } from "../ingest/data-change.ts";

/** What a start or command asks of the sample: a new database follows it; a decided one refuses an explicit contrary request. */
export interface SampleRequest {
  holdsSample: boolean;
  /** Asked for in so many words (HUB_SAMPLE, --no-sample, a test's option), not a default. */
  explicit: boolean;
  /** Recorded as what decided it, e.g. "npm start --no-sample". */
  by: string;
}

interface Decided {
  holds_sample: boolean;
  decided_at: Date;
  decided_by: string;
}

/** A start or command that asked for the opposite of what the database recorded: it changes nothing. */
export class SampleChoiceConflict extends Error {}

const decidedOn = (decided: Decided) => `decided on ${decided.decided_at.toISOString().slice(0, 10)} by ${decided.decided_by}`;

function conflict(name: SubgraphName, decided: Decided): SampleChoiceConflict {
  return new SampleChoiceConflict(
    decided.holds_sample
      ? `the ${name} database holds the synthetic sample (${decidedOn(decided)}); asking for none does not remove it: run \`hub sample remove\``
      : `the ${name} database was set up without the synthetic sample (${decidedOn(decided)}); asking for it changes nothing: use a new data folder or database for the sample`,
  );
}

/**
 * Whether this database holds the synthetic sample, as recorded at its first start or command.
 * Every later start and command follows the record whatever its environment says, so a real
 * deployment never has the sample seeded under it by a command run without HUB_SAMPLE=none.
 * A database from before the record keeps what it holds.
 */
export async function followSampleChoice(name: SubgraphName, sql: SqlClient, request: SampleRequest): Promise<boolean> {
  const schema = postgresSchema(name);
  const read = (client: SqlClient) =>
    client.query<Decided>(`SELECT holds_sample, decided_at, decided_by FROM "${schema}".sample_choice WHERE id = 1`);
  const existing = await read(sql);
  const [decided] = existing.length
    ? existing
    : await sql.transaction(async (tx) => {
        // Two processes starting on one new database: the second waits, then reads the first's record.
        await beginDataChange(tx, schema);
        const [again] = await read(tx);
        if (again) return [again];
        const held = await heldBatches(tx, schema);
        const choice = held.batches > 0 ? { holdsSample: held.sample, by: "the batches the database already held" } : request;
        return tx.query<Decided>(
          `INSERT INTO "${schema}".sample_choice (id, holds_sample, decided_by) VALUES (1, $1, $2) RETURNING holds_sample, decided_at, decided_by`,
          [choice.holdsSample, choice.by],
        );
      });
  if (request.explicit && request.holdsSample !== decided.holds_sample) throw conflict(name, decided);
  return decided.holds_sample;
}

/** `hub sample remove`: the database no longer holds the sample, and no later start or command brings it back. */
export async function recordSampleRemoved(name: SubgraphName, sql: SqlClient): Promise<void> {
  await sql.query(
    `INSERT INTO "${postgresSchema(name)}".sample_choice (id, holds_sample, decided_by) VALUES (1, false, 'hub sample remove')
     ON CONFLICT (id) DO UPDATE SET holds_sample = false, decided_at = now(), decided_by = 'hub sample remove'`,
  );
}

/** The request a start or command makes: HUB_SAMPLE when set (or a caller's own choice), else the default for a new database. */
export function sampleRequest(config: Pick<HubConfig, "sample" | "sampleExplicit">, command: string, chosen?: boolean): SampleRequest {
  if (chosen !== undefined) return { holdsSample: chosen, explicit: true, by: `${command} (${chosen ? "with" : "without"} the sample)` };
  const setting = config.sample ? "synthetic" : "none";
  return {
    holdsSample: config.sample,
    explicit: config.sampleExplicit,
    by: config.sampleExplicit ? `${command} with HUB_SAMPLE=${setting}` : `${command} (the sample by default)`,
  };
}
