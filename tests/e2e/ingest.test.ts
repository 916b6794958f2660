import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORTERS } from "../../subgraphs/importers.ts";
import { readConfig, type SubgraphName } from "../../shared/config.ts";
import type { Database } from "../../subgraphs/shared/database/open.ts";
import { openSubgraphDatabase } from "../../subgraphs/index.ts";
import { loadForceResolver, type ForceResolver } from "../../subgraphs/shared/ingest/force-resolver.ts";
import { runImport, type ImportOptions } from "../../subgraphs/shared/ingest/run-import.ts";
import { responseIncidentsFile } from "../support/incidents-file.ts";
import { hubCommand } from "../support/commands.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/ingest");
const fixture = (path: string) => join(FIXTURES, path);

describe("importing published files", () => {
  const databases = {} as Record<SubgraphName, Database>;
  let forces: ForceResolver;

  beforeAll(async () => {
    const config = readConfig({ HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-ingest-")) });
    for (const name of ["forces", "response-times", "crime-priorities", "workforce", "misconduct"] as const)
      databases[name] = await openSubgraphDatabase(name, config, { inMemory: true });
    forces = await loadForceResolver(databases.forces.sql);
  });
  afterAll(async () => {
    for (const database of Object.values(databases)) await database.close();
  });

  const load = (kind: string, file: string, options: ImportOptions = {}) => {
    const importer = IMPORTERS[kind];
    return runImport(importer, fixture(file), databases[importer.subgraph].sql, forces, options);
  };
  const offences = (forceId: string) =>
    databases["crime-priorities"].sql.query<{ offence_code: string; knife_crime: boolean; offences: number; batch_id: number }>(
      `SELECT offence_code, knife_crime, offences, batch_id FROM crime_priorities.recorded_offence WHERE force_id = $1 ORDER BY offence_code`,
      [forceId],
    );
  const batches = (schema: string) =>
    databases[schema.replace(/_/g, "-") as SubgraphName].sql.query<{
      id: number;
      status: string;
      superseded_by_batch_id: number | null;
      rows_loaded: number;
    }>(`SELECT id, status, superseded_by_batch_id, rows_loaded FROM "${schema}".import_batch ORDER BY id`);

  it("loads a street file with the quirks real ones have, counting crimes by type and skipping anti-social behaviour", async () => {
    const result = await load("police-uk-street", "street/2024-01/2024-01-kent-street.csv");
    expect(result).toMatchObject({ status: "LOADED", rowsRead: 4, rowsLoaded: 3, rowsSkipped: 1, rowsRejected: 0 });
    // BOM, CRLF, a quoted comma and empty coordinates read fine; "KENT" matches through the aliases.
    // Possession of weapons is its own figure: street data carries no knife flag.
    expect(await offences("kent")).toEqual([
      { offence_code: "police-uk:Possession of weapons", knife_crime: false, offences: 2, batch_id: result.batchId },
      { offence_code: "police-uk:Violence and sexual offences", knife_crime: false, offences: 1, batch_id: result.batchId },
    ]);
  });

  it("treats the same file twice as a no-op that says so", async () => {
    const again = await load("police-uk-street", "street/2024-01/2024-01-kent-street.csv");
    expect(again).toMatchObject({ status: "ALREADY_LOADED", rowsLoaded: 0 });
    expect((await offences("kent")).map((row) => row.offences)).toEqual([2, 1]);
  });

  it("replaces a force-month with a revised file and marks the earlier batch superseded", async () => {
    const [first] = await batches("crime_priorities");
    const revision = await load("police-uk-street", "street-revised/2024-01-kent-street.csv");
    expect(revision).toMatchObject({ status: "LOADED", rowsLoaded: 3, supersededBatchIds: [first.id] });
    expect(await offences("kent")).toEqual([
      { offence_code: "police-uk:Possession of weapons", knife_crime: false, offences: 3, batch_id: revision.batchId },
    ]);
    expect((await batches("crime_priorities"))[0]).toMatchObject({ status: "SUPERSEDED", superseded_by_batch_id: revision.batchId });
  });

  it("rejects a file with bad rows whole, reporting file, line, column, value and reason for each", async () => {
    const before = await batches("crime_priorities");
    const result = await load("police-uk-street", "invalid/2024-01-kent-street.csv");
    expect(result).toMatchObject({ status: "REJECTED", batchId: null, rowsLoaded: 0, rowsRejected: 4 });
    expect(result.errors).toEqual([
      {
        file: "2024-01-kent-street.csv",
        line: 3,
        column: "Falls within",
        value: "Atlantis Police",
        reason: "unknown force: not a known id, code or name",
      },
      expect.objectContaining({ line: 4, column: "Month", value: "1999-01", reason: expect.stringMatching(/^out of range/) }),
      { file: "2024-01-kent-street.csv", line: 5, column: "Month", value: "2024-13", reason: "not a month (YYYY-MM)" },
      expect.objectContaining({ line: 6, reason: "row has 4 of 12 columns (truncated or malformed)" }),
    ]);
    expect(await batches("crime_priorities")).toEqual(before);
    expect(await offences("kent")).toHaveLength(1);
  });

  it("loads the valid rows under --skip-invalid and keeps the rejected ones with the batch", async () => {
    const result = await load("police-uk-street", "invalid/2024-01-kent-street.csv", { skipInvalid: true });
    expect(result).toMatchObject({ status: "LOADED", rowsLoaded: 1, rowsRejected: 4 });
    const [batch] = await databases["crime-priorities"].sql.query<{ rejections: unknown[] }>(
      `SELECT rejections FROM crime_priorities.import_batch WHERE id = $1`,
      [result.batchId],
    );
    expect(batch.rejections).toHaveLength(4);
  });

  it("rejects a wrong header naming the column", async () => {
    const result = await load("police-uk-street", "invalid/wrong-header-street.csv");
    expect(result.status).toBe("REJECTED");
    expect(result.errors[0]).toMatchObject({ line: 1, column: "Falls within", reason: expect.stringMatching(/^wrong header/) });
  });

  it("commits nothing when an import fails part way", async () => {
    const before = await batches("crime_priorities");
    await expect(load("police-uk-street", "street/2024-02-devon-and-cornwall-street.csv", { failAfterRows: 0 })).rejects.toThrow(
      "injected failure",
    );
    expect(await batches("crime_priorities")).toEqual(before);
    expect(await offences("devon-and-cornwall")).toEqual([]);
  });

  it("loads quarterly recorded crime at the quarter's first month, with flags from the offence-code mapping", async () => {
    expect(await load("ho-recorded-crime", "ho-recorded-crime.csv")).toMatchObject({ status: "LOADED", rowsLoaded: 3 });
    const rows = await databases["crime-priorities"].sql.query<{
      force_id: string;
      month: string;
      offence_code: string;
      vawg: boolean;
      csa: boolean;
      offences: number;
    }>(
      `SELECT force_id, month::text, offence_code, vawg, csa, offences FROM crime_priorities.recorded_offence WHERE offence_code NOT LIKE 'police-uk:%' ORDER BY 1, 2, 3`,
    );
    expect(rows).toEqual([
      { force_id: "city-of-london", month: "2023-07-01", offence_code: "46", vawg: false, csa: false, offences: 1234 },
      { force_id: "kent", month: "2023-04-01", offence_code: "19C", vawg: true, csa: false, offences: 1020 },
      { force_id: "kent", month: "2023-04-01", offence_code: "22B", vawg: false, csa: true, offences: 85 },
    ]);
  });

  it("counts outcomes of all recorded crime by type, keeping the priority outcomes apart", async () => {
    expect(await load("police-uk-outcomes", "street/2024-01/2024-01-kent-outcomes.csv")).toMatchObject({ status: "LOADED", rowsLoaded: 3 });
    const rows = await databases["crime-priorities"].sql.query<{ priority: string; outcome: string; outcomes: number }>(
      `SELECT priority, outcome, outcomes FROM crime_priorities.offence_outcome WHERE force_id = 'kent' ORDER BY 2`,
    );
    expect(rows).toEqual([
      { priority: "ALL", outcome: "Investigation complete; no suspect identified", outcomes: 1 },
      { priority: "ALL", outcome: "Suspect charged", outcomes: 2 },
    ]);
  });

  it("counts stop and search by force (from the file name), month, object and outcome", async () => {
    const result = await load("police-uk-stop-search", "stop-search/2024-01-kent-stop-and-search.csv", { skipInvalid: true });
    expect(result).toMatchObject({ status: "LOADED", rowsLoaded: 3, rowsRejected: 1 });
    expect(result.errors[0]).toMatchObject({
      line: 5,
      column: "Date",
      value: "2024-01-06",
      reason: "not an ISO 8601 date-time with offset",
    });
    const rows = await databases["crime-priorities"].sql.query<{
      object_of_search: string;
      outcome: string;
      outcome_linked: boolean | null;
      searches: number;
    }>(
      `SELECT object_of_search, outcome, outcome_linked, searches FROM crime_priorities.stop_search WHERE force_id = 'kent' ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { object_of_search: "Controlled drugs", outcome: "Community resolution", outcome_linked: true, searches: 1 },
      { object_of_search: "Offensive weapons", outcome: "A no further action disposal", outcome_linked: false, searches: 1 },
      { object_of_search: "Offensive weapons", outcome: "Arrest", outcome_linked: true, searches: 1 },
    ]);
  });

  it("loads Home Office workforce rows with thousands separators and other spellings of force names", async () => {
    const result = await load("ho-workforce", "ho-workforce.csv");
    expect(result).toMatchObject({ status: "LOADED", rowsLoaded: 5 });
    const rows = await databases.workforce.sql.query<{ force_id: string; worker_type: string; headcount: number; fte: string }>(
      `SELECT force_id, worker_type, sum(headcount)::int AS headcount, sum(fte)::float8::text AS fte FROM workforce.workforce_record GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { force_id: "city-of-london", worker_type: "OFFICER", headcount: 120, fte: "118.5" },
      { force_id: "devon-and-cornwall", worker_type: "PCSO", headcount: 150, fte: "140.2" },
      { force_id: "devon-and-cornwall", worker_type: "SPECIAL", headcount: 200, fte: "0" },
      { force_id: "kent", worker_type: "OFFICER", headcount: 3314, fte: "3270.75" },
    ]);
  });

  it("validates incident submissions against the JSON Schema, in CSV and JSON Lines, and refreshes the pre-aggregates", async () => {
    expect(await load("response-incidents", "response-incidents.csv")).toMatchObject({ status: "LOADED", rowsLoaded: 3 });
    const [month] = await databases["response-times"].sql.query<{ incidents: number; within_standard: number }>(
      `SELECT sum(incidents)::int AS incidents, sum(within_standard)::int AS within_standard FROM response_times.attendance_month WHERE force_id = 'kent' AND grade = 'EMERGENCY'`,
    );
    // The standards are reference data, there without the sample: R1 (urban, 9 min) meets 15 minutes, R2 (rural, 25 min) misses 20.
    expect(month).toEqual({ incidents: 2, within_standard: 1 });
    const jsonLines = await load("response-incidents", "response-incidents.jsonl");
    expect(jsonLines.status).toBe("REJECTED");
    expect(jsonLines.errors.map((error) => [error.line, error.column, error.reason])).toEqual([
      [2, "grade", "schema: must be equal to one of the allowed values"],
      [3, "arrived_at", "before the call was connected"],
      [4, undefined, expect.stringMatching(/^not a JSON object/)],
    ]);
  });

  it("checks that 999 answer bands add up to the calls received", async () => {
    const result = await load("calls-999", "calls-999.csv", { skipInvalid: true });
    expect(result).toMatchObject({ rowsLoaded: 1, rowsRejected: 1 });
    expect(result.errors[0]).toMatchObject({
      line: 3,
      column: "Calls received",
      reason: "answered bands add up to 4950, not the calls received",
    });
  });

  it("stages incident rows outside the transaction when asked, with the same result as writing them in it", async () => {
    const sql = databases["response-times"].sql;
    const juneIncidents = async () =>
      (
        await sql.query<{ incidents: number }>(
          `SELECT sum(incidents)::int AS incidents FROM response_times.attendance_month WHERE force_id = 'kent' AND month = '2025-06-01' AND grade = 'EMERGENCY'`,
        )
      )[0].incidents;
    const file = (incidents: number) => responseIncidentsFile(mkdtempSync(join(tmpdir(), "hub-staged-")), incidents);
    const staged = await runImport(IMPORTERS["response-incidents"], file(3_000), sql, forces, { stageRows: true });
    expect(staged).toMatchObject({ status: "LOADED", rowsLoaded: 3_000 });
    expect(await juneIncidents()).toBe(3_000);
    // A revision written in the transaction replaces the staged load's rows, as it would any other.
    const revision = await runImport(IMPORTERS["response-incidents"], file(3_001), sql, forces);
    expect(revision).toMatchObject({ status: "LOADED", rowsLoaded: 3_001, supersededBatchIds: [staged.batchId] });
    expect(await juneIncidents()).toBe(3_001);
    const [{ replaced }] = await sql.query<{ replaced: number }>(
      `SELECT count(*)::int AS replaced FROM response_times.replaced_row WHERE batch_id = $1`,
      [staged.batchId],
    );
    expect(replaced).toBe(3_000);
    // Staged (its schema made on first use), and the staging table gone with the import.
    expect(await sql.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'hub_import_staging'`)).toHaveLength(1);
    expect(await sql.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'hub_import_staging'`)).toEqual([]);
  });

  it("checks misconduct and vetting submissions against the categories and each other", async () => {
    const cases = await load("misconduct", "misconduct.csv", { skipInvalid: true });
    expect(cases).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
    expect(cases.errors.map((error) => [error.line, error.column, error.reason])).toEqual([
      [4, "standard", expect.stringMatching(/^one of: Honesty and integrity/)],
      [4, "proceedings_on", "proceedings need the day they were held"],
    ]);
    const vetting = await load("vetting", "vetting.csv");
    expect(vetting.status).toBe("REJECTED");
    expect(vetting.errors).toEqual([
      expect.objectContaining({ line: 3, column: "refusals", value: "50", reason: "more refusals than applications" }),
    ]);
  });

  it("loads a custom comparison group", async () => {
    expect(await load("comparison-groups", "comparison-groups.csv")).toMatchObject({ status: "LOADED", rowsLoaded: 3 });
    const members = await databases.forces.sql.query<{ force_id: string }>(
      `SELECT force_id FROM forces.comparison_group_member WHERE group_id = 'coastal' ORDER BY 1`,
    );
    expect(members.map((member) => member.force_id)).toEqual(["devon-and-cornwall", "dyfed-powys", "kent"]);
  });
});

describe("the hub import command", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-cli-"));
  const hub = (...args: string[]) =>
    spawnSync(process.execPath, hubCommand(...args), {
      encoding: "utf8",
      env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: "" },
      cwd: process.cwd(),
    });

  it("exits 0 when loaded, 1 when rejected with a report file, 2 on misuse", () => {
    const loaded = hub("import", "police-uk-street", fixture("street"), "--json");
    expect(loaded.status).toBe(0);
    expect(JSON.parse(loaded.stdout).map((result: { status: string }) => result.status)).toEqual(["LOADED", "LOADED"]);
    const plain = hub("import", "comparison-groups", fixture("comparison-groups.csv"));
    expect(plain.status).toBe(0);
    // Off a terminal, progress is a line now and then; the writing always gets one, so a long transaction is never silent.
    expect(plain.stderr).toContain("comparison-groups.csv: writing in one transaction, 0 of 3 rows");
    const report = join(dataDir, "report.txt");
    const rejected = hub("import", "police-uk-street", fixture("invalid/2024-01-kent-street.csv"), "--report", report);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain("REJECTED, nothing loaded: 4 invalid of 5 rows");
    expect(existsSync(report) && readFileSync(report, "utf8")).toContain(
      '2024-01-kent-street.csv:3 [Falls within] "Atlantis Police": unknown force',
    );
    // Without --report, the report goes under the data folder, never into the folder the command ran in.
    const unnamed = hub("import", "police-uk-street", fixture("invalid/2024-01-kent-street.csv"));
    const written = /row errors written to (.+)$/m.exec(unnamed.stderr)?.[1];
    expect(written?.startsWith(join(dataDir, "import-reports", "import-report-"))).toBe(true);
    expect(readFileSync(written!, "utf8")).toContain('"Atlantis Police": unknown force');
    expect(readdirSync(process.cwd()).filter((name) => name.startsWith("import-report-"))).toEqual([]);
    expect(hub("import", "no-such-kind", fixture("street")).status).toBe(2);
    expect(hub("import", "police-uk-street").status).toBe(2);
  }, 120_000);
});
