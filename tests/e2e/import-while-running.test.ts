import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responseIncidentsFile } from "../support/incidents-file.ts";
import { startHubProcess } from "../support/launcher.ts";
import { NATIONAL_PICTURE } from "../support/queries.ts";
import { hubCommand } from "../support/commands.ts";

const PORT = 4760;

/** npm start on the embedded default, the sample loaded, with no response cache: every answer is computed from the database. */
describe("a file imported while the hub runs on its embedded database", () => {
  let started: ReturnType<typeof startHubProcess>;

  beforeAll(async () => {
    started = startHubProcess(PORT, { DATABASE_URL: "", RESPONSE_CACHE: "off", LOG_LEVEL: "warn", METRICS: "off" });
    await Promise.race([
      started.waitFor(/The hub is up/),
      started.waitFor(/could not start/).then(() => Promise.reject(new Error(started.lines.join("\n")))),
    ]);
  }, 300_000);
  afterAll(async () => {
    await started?.stop();
  });

  const nationalPicture = async () => {
    const asked = performance.now();
    const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: NATIONAL_PICTURE }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return { data: JSON.stringify(body.data), ms: performance.now() - asked };
  };

  it("changes every figure at once: each NationalPicture answer during the import is all from before the batch or all from after it", async () => {
    const before = (await nationalPicture()).data;
    const runningImport = promisify(execFile)(
      process.execPath,
      hubCommand("import", "response-incidents", responseIncidentsFile(started.dataDir), "--json"),
      { env: started.env, encoding: "utf8" },
    );
    let importing = true;
    void runningImport.finally(() => (importing = false)).catch(() => undefined);
    const during: { data: string; ms: number }[] = [];
    while (importing) during.push(await nationalPicture());
    const [result] = JSON.parse((await runningImport).stdout) as { status: string; rowsLoaded: number }[];
    expect(result).toMatchObject({ status: "LOADED", rowsLoaded: 2_000 });
    const after = (await nationalPicture()).data;
    expect(after).not.toBe(before);
    const unlike = during.filter(({ data }) => data !== before && data !== after);
    expect(unlike).toHaveLength(0);
    expect(during.length).toBeGreaterThan(2);
    const slowest = Math.max(...during.map(({ ms }) => ms));
    console.log(
      `import beside the running hub: ${during.length} NationalPicture answers during it, ${during.filter(({ data }) => data === before).length} from before and ${during.filter(({ data }) => data === after).length} from after the batch; slowest ${slowest.toFixed(0)} ms`,
    );
  }, 120_000);
});
