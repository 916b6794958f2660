/** N+1: SQL statements the subgraphs run for one NationalPicture query, with 43 forces and with 430. */
import { startHub } from "../tests/support/hub.ts";
import { NATIONAL_PICTURE } from "../tests/support/queries.ts";
import type { BenchRow } from "./support/report.ts";

const SYNTHETIC_FORCES = 387;

export async function nPlusOneBenchmark(): Promise<BenchRow[]> {
  const hub = await startHub();
  try {
    const statementsFor = async () => {
      await hub.graphql(NATIONAL_PICTURE);
      const before = hub.statements();
      const { body } = await hub.graphql(NATIONAL_PICTURE);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { statements: hub.statements() - before, forces: (body.data!.forces as unknown[]).length };
    };
    const real = await statementsFor();
    await hub.subgraphs.forces.database.sql.query(
      `INSERT INTO forces.force (id, gss_code, name, region_id, country, population, population_year, batch_id)
       SELECT 'synthetic-' || n, NULL, 'Synthetic force ' || n, 'wales', 'Wales', 100000 + n, 2011, 1 FROM generate_series(1, $1::int) AS n`,
      [SYNTHETIC_FORCES],
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
