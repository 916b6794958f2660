import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeSample } from "../../scripts/hub/withdraw.ts";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../shared/config.ts";
import type { Database } from "../../subgraphs/shared/database/open.ts";
import { mintToken, startHub, type RunningHub } from "../support/hub.ts";

const REAL_DATA = join(import.meta.dirname, "../fixtures/real-data");
const INGEST = join(import.meta.dirname, "../fixtures/ingest");

/** Every figure set over every year the hub holds, with where it comes from. */
const EVERYTHING = `{
  comparisonGroups { id }
  forces { id mostSimilarGroup { id }
    responseTimes(from: "2010-01-01", to: "2026-12-31") { emergency { incidents } calls999 { callsReceived } sources { kind synthetic } }
    crimePriorities(from: "2010-01-01", to: "2026-12-31") { recordedOffences knifeCrime { offences } sources { kind synthetic } }
    workforce(asAt: "2026-12-31") { officersFte sources { kind synthetic } }
    misconduct(from: "2010-01-01", to: "2026-12-31") { casesOpened sources { kind synthetic } }
    vetting(from: "2010-01-01", to: "2026-12-31") { applications }
  }
}`;

/** National totals as the note reports them: the sample's year, and the ONS anchor year. */
const TOTALS = `{ forces {
  crimePriorities(from: "2025-04-01", to: "2026-03-31") { recordedOffences knifeCrime { offences } vawg { offences } }
  knifeYearEndingSeptember2024: crimePriorities(from: "2023-10-01", to: "2024-09-30") { knifeCrime { offences } }
  workforce(asAt: "2025-03-31") { officersFte neighbourhoodFte }
  responseTimes(from: "2025-04-01", to: "2026-03-31") { emergency { incidents } }
  misconduct(from: "2025-04-01", to: "2026-03-31") { casesOpened }
} }`;

/** A sum over the forces that have the figure, and how many have it (null when none has). */
function national(forces: any[], figure: (force: any) => number | null | undefined) {
  const values = forces.map(figure).filter((value): value is number => typeof value === "number");
  return { total: values.length ? Math.round(values.reduce((sum, value) => sum + value, 0) * 100) / 100 : null, forces: values.length };
}

const totalsOf = (forces: any[]) => ({
  recordedOffences: national(forces, (force) => force.crimePriorities.recordedOffences),
  knifeCrime: national(forces, (force) => force.crimePriorities.knifeCrime.offences),
  knifeCrimeYearEndingSeptember2024: national(forces, (force) => force.knifeYearEndingSeptember2024.knifeCrime.offences),
  vawg: national(forces, (force) => force.crimePriorities.vawg.offences),
  officersFte: national(forces, (force) => force.workforce?.officersFte),
  neighbourhoodFte: national(forces, (force) => force.workforce?.neighbourhoodFte),
  emergencyIncidents: national(forces, (force) => force.responseTimes.emergency.incidents),
  misconductCasesOpened: national(forces, (force) => force.misconduct.casesOpened),
});

describe("hub sample remove, on PGlite", () => {
  let hub: RunningHub;
  let token = "";

  beforeAll(async () => {
    hub = await startHub(undefined, { sample: true });
    token = await mintToken({ role: "HOME_OFFICE" });
  });
  afterAll(() => hub?.stop());

  const ask = async (query: string) => {
    const { body } = await hub.graphql(query, undefined, token);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  it("leaves no synthetic source anywhere in the graph, and no figure where only the sample was", async () => {
    const before = totalsOf((await ask(TOTALS)).forces);
    expect(before.officersFte).toEqual({ total: 146_442, forces: 43 });
    expect(JSON.stringify(await ask(EVERYTHING))).toContain('"synthetic":true');

    const databases = new Map<SubgraphName, Database>(SUBGRAPH_NAMES.map((name) => [name, hub.subgraphs[name].database]));
    const removed = await hub.change(() => removeSample(databases));
    expect(new Set(removed.map((result) => result.subgraph))).toEqual(new Set(SUBGRAPH_NAMES));
    expect(await removeSample(databases)).toEqual([]);

    const after = await ask(EVERYTHING);
    const text = JSON.stringify(after);
    expect(text).not.toContain('"synthetic":true');
    expect(text).not.toContain('"kind":"sample"');
    expect(after.comparisonGroups).toEqual([]);
    for (const force of after.forces) {
      expect(force).toMatchObject({
        mostSimilarGroup: null,
        responseTimes: { emergency: { incidents: null }, calls999: null, sources: [] },
        crimePriorities: { recordedOffences: null, knifeCrime: { offences: null }, sources: [] },
        workforce: null,
        misconduct: { casesOpened: null, sources: [] },
        vetting: null,
      });
    }
    expect(Object.values(totalsOf((await ask(TOTALS)).forces)).every((figure) => figure.total === null && figure.forces === 0)).toBe(true);
  });

  it("then answers from real-format files alone", async () => {
    for (const [kind, file] of [
      ["ons-knife-crime", join(REAL_DATA, "ons-knife-crime-pfa.csv")],
      ["ho-workforce", join(INGEST, "ho-workforce.csv")],
      ["ho-workforce-functions", join(REAL_DATA, "ho-workforce-functions-2024.csv")],
      ["response-incidents", join(INGEST, "response-incidents.csv")],
    ]) {
      expect(await hub.load(kind, file), `${kind} ${file}`).toMatchObject({ status: "LOADED" });
    }
    const totals = totalsOf((await ask(TOTALS)).forces);
    expect(totals.knifeCrimeYearEndingSeptember2024).toEqual({ total: 55_008, forces: 43 });
    // April 2025 to March 2026: no knife crime table covers it, so no force has a figure.
    expect(totals.knifeCrime).toEqual({ total: null, forces: 0 });
    expect(JSON.stringify(await ask(EVERYTHING))).not.toContain('"synthetic":true');
  });
});
