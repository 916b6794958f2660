import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";
import { lastDayOfMonth } from "../shared/graphql/period.ts";
import { allocate } from "../shared/sample/allocate.ts";
import { sampleMonths } from "../shared/sample/calendar.ts";
import { SeededRandom } from "../shared/sample/random.ts";
import { referenceForces } from "../shared/reference/forces.ts";

type Flag = "vawg" | "knife" | "csa";

/**
 * Offences in the sample with national yearly volumes of the published size (recorded crime
 * about 5.5 million a year; VAWG just over 1 million; knife crime about 55,000) and the share
 * of each that carries a priority flag.
 */
const OFFENCES: { code: string; description: string; group: string; perYear: number; flags: Partial<Record<Flag, number>> }[] = [
  {
    code: "8N",
    description: "Assault with injury",
    group: "Violence against the person",
    perYear: 560_000,
    flags: { vawg: 0.35, knife: 0.045 },
  },
  { code: "105A", description: "Assault without injury", group: "Violence against the person", perYear: 720_000, flags: { vawg: 0.45 } },
  { code: "8L", description: "Harassment", group: "Violence against the person", perYear: 330_000, flags: { vawg: 0.6 } },
  { code: "8Q", description: "Stalking", group: "Violence against the person", perYear: 130_000, flags: { vawg: 0.8 } },
  {
    code: "8U",
    description: "Controlling or coercive behaviour",
    group: "Violence against the person",
    perYear: 45_000,
    flags: { vawg: 1 },
  },
  { code: "9A", description: "Threats to kill", group: "Violence against the person", perYear: 40_000, flags: { knife: 0.25 } },
  { code: "19C", description: "Rape of a female aged 16 and over", group: "Sexual offences", perYear: 50_000, flags: { vawg: 1 } },
  {
    code: "17A",
    description: "Sexual assault on a female aged 13 and over",
    group: "Sexual offences",
    perYear: 55_000,
    flags: { vawg: 1 },
  },
  { code: "19E", description: "Rape of a female child under 16", group: "Sexual offences", perYear: 12_000, flags: { csa: 1 } },
  { code: "22B", description: "Sexual activity involving a child under 13", group: "Sexual offences", perYear: 10_000, flags: { csa: 1 } },
  { code: "21", description: "Sexual activity involving a child under 16", group: "Sexual offences", perYear: 15_000, flags: { csa: 1 } },
  { code: "88E", description: "Sexual grooming", group: "Sexual offences", perYear: 7_000, flags: { csa: 1 } },
  {
    code: "86",
    description: "Obscene publications etc. and protected sexual images of children",
    group: "Sexual offences",
    perYear: 40_000,
    flags: { csa: 1 },
  },
  { code: "34B", description: "Robbery of personal property", group: "Robbery", perYear: 70_000, flags: { knife: 0.27 } },
  {
    code: "10D",
    description: "Possession of article with blade or point",
    group: "Possession of weapons offences",
    perYear: 28_000,
    flags: {},
  },
  { code: "28E", description: "Residential burglary of a home", group: "Burglary", perYear: 200_000, flags: {} },
  { code: "46", description: "Shoplifting", group: "Theft offences", perYear: 430_000, flags: {} },
  { code: "49", description: "Other theft", group: "Theft offences", perYear: 450_000, flags: {} },
  { code: "45", description: "Theft from a vehicle", group: "Vehicle offences", perYear: 330_000, flags: {} },
  { code: "58A", description: "Criminal damage to a dwelling", group: "Criminal damage and arson", perYear: 500_000, flags: {} },
  { code: "9", description: "Public fear, alarm or distress", group: "Public order offences", perYear: 400_000, flags: { vawg: 0.1 } },
  { code: "92A", description: "Trafficking in controlled drugs", group: "Drug offences", perYear: 190_000, flags: {} },
];

const OUTCOMES: [string, number][] = [
  ["Charged or summonsed", 0.07],
  ["Evidential difficulties: victim does not support action", 0.3],
  ["Evidential difficulties: suspect identified", 0.15],
  ["Investigation complete: no suspect identified", 0.25],
  ["Under investigation", 0.15],
  ["Other outcomes", 0.08],
];

const OFFENCE_COLUMNS = {
  force_id: "text",
  month: "date",
  period_end: "date",
  offence_code: "text",
  offence_description: "text",
  offence_group: "text",
  vawg: "bool",
  knife_crime: "bool",
  csa: "bool",
  offences: "int",
  batch_id: "int",
} as const;
const OUTCOME_COLUMNS = { force_id: "text", month: "date", priority: "text", outcome: "text", outcomes: "int", batch_id: "int" } as const;
const PRIORITY_OF_FLAG: Record<Flag, string> = { vawg: "VAWG", knife: "KNIFE_CRIME", csa: "CSA" };

/** Synthetic recorded crime and outcomes for every force, April 2023 to March 2026 (fixed seed). */
export async function seedCrimePriorities(sql: SqlClient, batchId: number): Promise<number> {
  const random = new SeededRandom(20230402);
  const forces = referenceForces();
  // Knife crime moves differently by force (-10% to +20% a year), so trends and watchlist rules have something to find.
  const knifeGrowth = forces.map(() => random.between(0.9, 1.2));
  const offenceRows: unknown[][] = [];
  const outcomes = new Map<string, [string, Date, string, string, number, number]>();
  const addOutcome = (forceId: string, month: Date, priority: string, outcome: string, count: number) => {
    const key = `${forceId}|${month.toISOString()}|${priority}|${outcome}`;
    const existing = outcomes.get(key);
    if (existing) existing[4] += count;
    else outcomes.set(key, [forceId, month, priority, outcome, count, batchId]);
  };
  for (const [monthIndex, month] of sampleMonths().entries()) {
    const monthEnd = lastDayOfMonth(month);
    for (const offence of OFFENCES) {
      const trend = (index: number) => (offence.flags.knife ? knifeGrowth[index] ** (monthIndex / 12) : 1);
      const perForce = allocate(
        Math.round((offence.perYear / 12) * random.between(0.92, 1.08)),
        forces.map((force, index) => force.population * random.between(0.85, 1.15) * trend(index)),
      );
      forces.forEach((force, index) => {
        const flagged = Object.entries(offence.flags) as [Flag, number][];
        const parts = allocate(perForce[index], [
          1 - flagged.reduce((sum, [, share]) => sum + share, 0),
          ...flagged.map(([, share]) => share),
        ]);
        parts.forEach((count, part) => {
          if (count === 0) return;
          const flag = part === 0 ? undefined : flagged[part - 1][0];
          offenceRows.push([
            force.id,
            month,
            monthEnd,
            offence.code,
            offence.description,
            offence.group,
            flag === "vawg",
            flag === "knife",
            flag === "csa",
            count,
            batchId,
          ]);
          if (!flag) return;
          allocate(
            count,
            OUTCOMES.map(([, share]) => share),
          ).forEach((outcomeCount, outcome) => {
            addOutcome(force.id, month, PRIORITY_OF_FLAG[flag], OUTCOMES[outcome][0], outcomeCount);
          });
        });
      });
    }
  }
  const rows = await bulkInsert(sql, "crime_priorities.recorded_offence", OFFENCE_COLUMNS, offenceRows);
  return (
    rows +
    (await bulkInsert(
      sql,
      "crime_priorities.offence_outcome",
      OUTCOME_COLUMNS,
      [...outcomes.values()].filter((row) => row[4] > 0),
    ))
  );
}
