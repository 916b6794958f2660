import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";
import { allocate } from "../shared/sample/allocate.ts";
import { sampleSnapshotDates } from "../shared/sample/calendar.ts";
import { SeededRandom } from "../shared/sample/random.ts";
import { referenceForces, type ReferenceForce } from "../shared/reference/forces.ts";

/**
 * National FTE at 31 March 2023, 2024 and 2025. Officers are the published figures
 * (146,442 in 2025, peak 147,745 in 2024); the 2025 paid workforce adds to the published
 * 235,753; neighbourhood officers and PCSOs are the Guarantee baseline (11,104 + 6,071).
 */
const NATIONAL = [
  {
    officers: 147_430,
    staff: 76_000,
    pcso: 7_500,
    designated: 4_200,
    specials: 7_200,
    neighbourhoodOfficers: 11_500,
    neighbourhoodPcsos: 6_600,
  },
  {
    officers: 147_745,
    staff: 77_500,
    pcso: 7_100,
    designated: 4_400,
    specials: 6_800,
    neighbourhoodOfficers: 11_300,
    neighbourhoodPcsos: 6_300,
  },
  {
    officers: 146_442,
    staff: 77_911,
    pcso: 6_900,
    designated: 4_500,
    specials: 6_500,
    neighbourhoodOfficers: 11_104,
    neighbourhoodPcsos: 6_071,
  },
];

/** The 12 wider functions with officers' shares at 31 March 2025 and frontline status. */
const FUNCTIONS: [string, number, string][] = [
  ["Local policing", 39.6, "Visible frontline"],
  ["Investigations", 15.6, "Non-visible frontline"],
  ["Public protection", 10.1, "Non-visible frontline"],
  ["Support functions", 7.5, "Business support"],
  ["Other", 6.0, "Business support"],
  ["Operational support", 5.7, "Visible frontline"],
  ["Intelligence", 4.5, "Non-visible frontline"],
  ["Road policing", 3.8, "Visible frontline"],
  ["National policing", 2.4, "Frontline support"],
  ["Dealing with the public", 2.2, "Non-visible frontline"],
  ["Investigative support", 1.6, "Frontline support"],
  ["Criminal justice arrangements", 1.0, "Non-visible frontline"],
];
const RANKS: [string, number][] = [
  ["Constable", 77.6],
  ["Sergeant", 13.4],
  ["Inspector", 5.0],
  ["Chief Inspector", 1.9],
  ["Superintendent", 1.4],
  ["Chief officer", 0.7],
];
const SEXES: [string, number][] = [
  ["Female", 35],
  ["Male", 65],
];
const HEADCOUNT_PER_FTE = 148_452 / 146_442;

interface Cell {
  force: ReferenceForce;
  workerType: string;
  rank: string | null;
  sex: string;
  functionName: string;
  frontlineStatus: string;
  neighbourhood: boolean;
  weight: number;
}

function cells(
  forces: ReferenceForce[],
  random: SeededRandom,
  workerType: string,
  functions: [string, number, string][],
  ranks: [string, number][] | null,
  neighbourhood: boolean,
): Cell[] {
  const result: Cell[] = [];
  for (const force of forces) {
    const forceWeight = force.population * random.between(0.9, 1.1);
    for (const [functionName, functionShare, frontlineStatus] of functions) {
      for (const [rank, rankShare] of ranks ?? [[null, 1] as [null, number]]) {
        for (const [sex, sexShare] of SEXES) {
          result.push({
            force,
            workerType,
            rank,
            sex,
            functionName,
            frontlineStatus,
            neighbourhood,
            weight: forceWeight * functionShare * rankShare * sexShare,
          });
        }
      }
    }
  }
  return result;
}

/** FTE in hundredths shared out so the national total is exact to the hundredth. */
function rows(group: Cell[], totalFte: number, asAt: Date, batchId: number, paid = true): unknown[][] {
  const hundredths = allocate(
    Math.round(totalFte * 100),
    group.map((cell) => cell.weight),
  );
  return group.map((cell, index) => {
    const fte = hundredths[index] / 100;
    return [
      cell.force.id,
      asAt,
      cell.workerType,
      cell.rank,
      cell.sex,
      cell.functionName,
      cell.frontlineStatus,
      cell.neighbourhood,
      Math.round(fte * HEADCOUNT_PER_FTE),
      paid ? fte : 0,
      batchId,
    ];
  });
}

const COLUMNS = {
  force_id: "text",
  as_at: "date",
  worker_type: "text",
  rank: "text",
  sex: "text",
  function_name: "text",
  frontline_status: "text",
  neighbourhood: "bool",
  headcount: "int",
  fte: "numeric",
  batch_id: "int",
} as const;

/** Synthetic workforce snapshots for every force at 31 March 2023-2025, calibrated to the national totals. */
export async function seedWorkforce(sql: SqlClient, batchId: number): Promise<number> {
  const random = new SeededRandom(20230331);
  const forces = referenceForces();
  const local = FUNCTIONS.slice(0, 1);
  const neighbourhoodRanks = RANKS.slice(0, 2);
  const staffFunctions = FUNCTIONS.map(([name, , status]): [string, number, string] => [
    name,
    name === "Support functions" ? 30 : 7,
    status,
  ]);
  let written = 0;
  for (const [index, asAt] of sampleSnapshotDates().entries()) {
    const national = NATIONAL[index];
    const snapshot = [
      ...rows(cells(forces, random, "OFFICER", local, neighbourhoodRanks, true), national.neighbourhoodOfficers, asAt, batchId),
      ...rows(cells(forces, random, "OFFICER", FUNCTIONS, RANKS, false), national.officers - national.neighbourhoodOfficers, asAt, batchId),
      ...rows(cells(forces, random, "STAFF", staffFunctions, null, false), national.staff, asAt, batchId),
      ...rows(cells(forces, random, "PCSO", local, null, true), national.neighbourhoodPcsos, asAt, batchId),
      ...rows(cells(forces, random, "PCSO", local, null, false), national.pcso - national.neighbourhoodPcsos, asAt, batchId),
      ...rows(cells(forces, random, "DESIGNATED", [FUNCTIONS[1], FUNCTIONS[11]], null, false), national.designated, asAt, batchId),
      ...rows(cells(forces, random, "SPECIAL", local, null, false), national.specials / HEADCOUNT_PER_FTE, asAt, batchId, false),
    ];
    written += await bulkInsert(sql, "workforce.workforce_record", COLUMNS, snapshot);
  }
  return written;
}
