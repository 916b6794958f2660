import { bulkInsert } from "../shared/database/bulk-insert.ts";
import type { SqlClient } from "../shared/database/open.ts";
import { daysInMonth, sampleMonths } from "../shared/sample/calendar.ts";
import { SeededRandom } from "../shared/sample/random.ts";
import { referenceForces } from "../shared/reference/forces.ts";

/** About 4,800 cases a year, of which about 1,700 reach proceedings (published: 1,698, year ending March 2024). */
const CASES_PER_YEAR = 4_800;
const PROCEEDINGS_SHARE = 0.354;
const LAST_SAMPLE_DAY = Date.UTC(2026, 2, 31);
const DAY = 86_400_000;
const STANDARDS = [
  "Honesty and integrity",
  "Authority, respect and courtesy",
  "Equality and diversity",
  "Use of force",
  "Orders and instructions",
  "Duties and responsibilities",
  "Confidentiality",
  "Fitness for duty",
  "Discreditable conduct",
  "Challenging and reporting improper conduct",
];
const ETHNICITIES = [
  "White",
  "White",
  "White",
  "White",
  "White",
  "White",
  "White",
  "White",
  "Asian",
  "Black",
  "Mixed",
  "Other",
  "Not stated",
];

function proceedingsFor(random: SeededRandom, opened: number) {
  if (!random.chance(PROCEEDINGS_SHARE))
    return {
      proceedings: null,
      proceedingsOn: null,
      finding: null,
      outcome: random.chance(0.5) ? "MANAGEMENT_ADVICE" : "NO_FURTHER_ACTION",
    };
  const held = opened + Math.round(random.between(60, 300)) * DAY;
  if (held > LAST_SAMPLE_DAY) return { proceedings: null, proceedingsOn: null, finding: null, outcome: null };
  const pick = random.next();
  const proceedings = pick < 0.55 ? "MISCONDUCT_MEETING" : pick < 0.9 ? "MISCONDUCT_HEARING" : "ACCELERATED_HEARING";
  const finding =
    proceedings === "MISCONDUCT_MEETING"
      ? random.chance(0.8)
        ? "MISCONDUCT"
        : "NOT_PROVEN"
      : random.chance(0.85)
        ? "GROSS_MISCONDUCT"
        : "NOT_PROVEN";
  const outcome =
    finding === "GROSS_MISCONDUCT"
      ? random.chance(0.7)
        ? "DISMISSAL_WITHOUT_NOTICE"
        : "FINAL_WRITTEN_WARNING"
      : finding === "MISCONDUCT"
        ? random.pick(["WRITTEN_WARNING", "FINAL_WRITTEN_WARNING", "MANAGEMENT_ADVICE"])
        : "NO_FURTHER_ACTION";
  return { proceedings, proceedingsOn: new Date(held), finding, outcome };
}

const CASE_COLUMNS = {
  force_id: "text",
  reference: "text",
  case_type: "text",
  subject_type: "text",
  subject_sex: "text",
  subject_ethnicity: "text",
  standard: "text",
  opened_on: "date",
  proceedings: "text",
  proceedings_on: "date",
  finding: "text",
  outcome: "text",
  closed_on: "date",
  batch_id: "int",
} as const;
const VETTING_COLUMNS = {
  force_id: "text",
  period_start: "date",
  period_end: "date",
  level: "text",
  applications: "int",
  refusals: "int",
  renewals_due: "int",
  renewals_overdue: "int",
  batch_id: "int",
} as const;

/** Synthetic misconduct cases and quarterly vetting returns for every force, April 2023 to March 2026 (fixed seed). */
export async function seedMisconduct(sql: SqlClient, batchId: number): Promise<number> {
  const random = new SeededRandom(20230403);
  const forces = referenceForces();
  const population = forces.reduce((sum, force) => sum + force.population, 0);
  const cases: unknown[][] = [];
  const vetting: unknown[][] = [];
  for (const force of forces) {
    let sequence = 0;
    for (const month of sampleMonths()) {
      const count = random.count(((CASES_PER_YEAR / 12) * force.population) / population);
      for (let n = 0; n < count; n++) {
        const opened = month.getTime() + Math.floor(random.next() * daysInMonth(month)) * DAY;
        const result = proceedingsFor(random, opened);
        const closed = result.outcome
          ? new Date((result.proceedingsOn?.getTime() ?? opened) + Math.round(random.between(1, 30)) * DAY)
          : null;
        cases.push([
          force.id,
          `${force.id}/${new Date(opened).getUTCFullYear()}/${String(++sequence).padStart(5, "0")}`,
          random.pick(["COMPLAINT", "CONDUCT_MATTER", "CONDUCT_MATTER", "RECORDABLE_CONDUCT_MATTER"]),
          random.chance(0.77) ? "OFFICER" : random.chance(0.87) ? "STAFF" : "SPECIAL",
          random.chance(0.28) ? "Female" : "Male",
          random.pick(ETHNICITIES),
          random.pick(STANDARDS),
          new Date(opened),
          result.proceedings,
          result.proceedingsOn,
          result.finding,
          result.outcome,
          closed && closed.getTime() <= LAST_SAMPLE_DAY ? closed : null,
          batchId,
        ]);
      }
      if (month.getUTCMonth() % 3 !== 0) continue;
      const quarterEnd = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 3, 0));
      for (const [level, perMillion] of [
        ["RV", 300],
        ["MV", 120],
        ["NPPV1", 20],
        ["NPPV2", 60],
        ["NPPV3", 25],
      ] as const) {
        const applications = random.count((perMillion * force.population) / 1_000_000);
        const renewalsDue = random.count(applications * 0.6);
        vetting.push([
          force.id,
          month,
          quarterEnd,
          level,
          applications,
          random.count(applications * 0.06),
          renewalsDue,
          random.count(renewalsDue * 0.1),
          batchId,
        ]);
      }
    }
  }
  return (
    (await bulkInsert(sql, "misconduct.misconduct_case", CASE_COLUMNS, cases)) +
    (await bulkInsert(sql, "misconduct.vetting_return", VETTING_COLUMNS, vetting))
  );
}
