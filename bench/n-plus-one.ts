/** N+1: SQL statements the subgraphs run for one NationalPicture query, with 43 forces and with 430. */
import { SUBGRAPH_NAMES } from "../shared/config.ts";
import { postgresSchema } from "../subgraphs/shared/database/migrations.ts";
import { beginDataChange } from "../subgraphs/shared/ingest/data-change.ts";
import { startHub } from "../tests/support/hub.ts";
import { NATIONAL_PICTURE } from "../tests/support/queries.ts";
import type { BenchRow } from "./support/report.ts";

const SYNTHETIC_FORCES = 387;

export async function nPlusOneBenchmark(): Promise<BenchRow[]> {
  // The response cache off: a repeated query must reach the subgraphs for its statements to be counted.
  const hub = await startHub(undefined, { env: { RESPONSE_CACHE: "off" } });
  try {
    // Every subgraph's data version moved on first, so that each answer is computed afresh: a repeated one would come
    // from the subgraphs' memos of the data version, with no SQL at all.
    const statementsFor = async () => {
      await hub.change(() =>
        Promise.all(
          SUBGRAPH_NAMES.map((name) => hub.subgraphs[name].database.sql.transaction((tx) => beginDataChange(tx, postgresSchema(name)))),
        ),
      );
      const before = hub.statements();
      const { body } = await hub.graphql(NATIONAL_PICTURE);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { statements: hub.statements() - before, forces: (body.data!.forces as unknown[]).length };
    };
    const real = await statementsFor();
    // As a change to the data: the data version moves on, so no subgraph answers from what it memoised for 43 forces.
    await hub.change(() =>
      hub.subgraphs.forces.database.sql.transaction(async (tx) => {
        await beginDataChange(tx, "forces");
        await tx.query(
          `INSERT INTO forces.force (id, gss_code, name, region_id, country, population, population_year, batch_id)
           SELECT 'synthetic-' || n, NULL, 'Synthetic force ' || n, 'wales', 'Wales', 100000 + n, 2011, 1 FROM generate_series(1, $1::int) AS n`,
          [SYNTHETIC_FORCES],
        );
      }),
    );
    const many = await statementsFor();
    console.log(`N+1: ${real.statements} statements for ${real.forces} forces, ${many.statements} for ${many.forces}`);
    return [
      {
        benchmark: "N+1: SQL statements per NationalPicture query (all subgraphs)",
        subject: `${many.forces} forces (${SYNTHETIC_FORCES} synthetic added)`,
        baseline: `${real.forces} forces`,
        subjectValue: many.statements,
        baselineValue: real.statements,
        unit: "statements",
        ratio: many.statements / real.statements,
        note: "constant: one statement per subgraph level and period, whatever the number of forces",
      },
    ];
  } finally {
    await hub.stop();
  }
}
