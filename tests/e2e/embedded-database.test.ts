import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  runningEmbeddedDatabase,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "../../subgraphs/shared/database/embedded-server/index.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the hub's one embedded database, shared over PostgreSQL's wire protocol", () => {
  let dataDir: string;
  let database: EmbeddedDatabase;
  const clients: pg.Client[] = [];
  const connect = async (options?: string) => {
    const client = new pg.Client({ connectionString: database.url, options });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "hub-embedded-"));
    database = await startEmbeddedDatabase(dataDir);
    const setup = await connect();
    await setup.query(
      "CREATE SCHEMA alpha; CREATE SCHEMA beta; CREATE TABLE alpha.figure (n int); CREATE TABLE beta.figure (n int); INSERT INTO beta.figure VALUES (2), (3); CREATE TABLE public.counted (n int)",
    );
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("gives each of many concurrent parameterised queries its own answer", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 8 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 400 }, (_, index) =>
          pool.query<{ n: number; label: string }>("SELECT $1::int AS n, $2::text AS label", [index, `q${index}`]),
        ),
      );
      expect(answers.every(({ rows: [row] }, index) => row.n === index && row.label === `q${index}`)).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it("never shows a connection another's uncommitted rows: its query waits for the transaction ahead of it", async () => {
    const [writer, reader] = [await connect(), await connect()];
    await writer.query("BEGIN");
    await writer.query("INSERT INTO public.counted VALUES (1)");
    let answered = false;
    const read = reader.query<{ n: number }>("SELECT count(*)::int AS n FROM public.counted").then((result) => {
      answered = true;
      return result.rows[0].n;
    });
    await sleep(300);
    expect(answered).toBe(false);
    await writer.query("COMMIT");
    expect(await read).toBe(1);
    await writer.query("BEGIN");
    await writer.query("INSERT INTO public.counted VALUES (2)");
    await writer.query("ROLLBACK");
    expect((await reader.query("SELECT count(*)::int AS n FROM public.counted")).rows[0].n).toBe(1);
    expect(database.stats().longestWaitMs).toBeGreaterThanOrEqual(250);
  });

  it("keeps each connection's search_path, as each subgraph has its own schema", async () => {
    const [alpha, beta] = [await connect("-c search_path=alpha"), await connect("-c search_path=beta")];
    const counts = async (client: pg.Client) => {
      const seen: number[] = [];
      for (let query = 0; query < 10; query++)
        seen.push((await client.query<{ n: number }>("SELECT count(*)::int AS n FROM figure")).rows[0].n);
      return seen;
    };
    expect(await Promise.all([counts(alpha), counts(beta)])).toEqual([Array(10).fill(0), Array(10).fill(2)]);
  });

  it("delivers a NOTIFY to the connections that LISTEN on its channel, whichever connection committed it, and to no other", async () => {
    const [listener, notifier, bystander] = [await connect(), await connect(), await connect()];
    const heard: string[] = [];
    let others = 0;
    listener.on("notification", (notice) => heard.push(`${notice.channel}:${notice.payload}`));
    notifier.on("notification", () => others++);
    bystander.on("notification", () => others++);
    await listener.query("LISTEN hub_data_changed");
    await bystander.query("LISTEN another_channel");
    await notifier.query("BEGIN");
    await notifier.query("SELECT pg_notify('hub_data_changed', 'response_times')");
    await notifier.query("COMMIT");
    await notifier.query("NOTIFY hub_data_changed, 'forces'");
    await expect.poll(() => heard).toEqual(["hub_data_changed:response_times", "hub_data_changed:forces"]);
    await listener.query("UNLISTEN hub_data_changed");
    await notifier.query("NOTIFY hub_data_changed, 'workforce'");
    await sleep(100);
    expect(heard).toHaveLength(2);
    expect(others).toBe(0);
  });

  it("rolls back the transaction of a connection that goes away part-way, and serves the others again", async () => {
    const leaving = new pg.Client({ connectionString: database.url });
    leaving.on("error", () => undefined);
    await leaving.connect();
    await leaving.query("BEGIN");
    await leaving.query("INSERT INTO public.counted VALUES (99)");
    const staying = await connect();
    const waiting = staying.query<{ n: number }>("SELECT count(*)::int AS n FROM public.counted WHERE n = 99");
    leaving.connection.stream.destroy();
    expect((await waiting).rows[0].n).toBe(0);
  });

  it("is found by another process through its data folder, and a second server on that folder is refused with one clear line", async () => {
    expect(runningEmbeddedDatabase(dataDir)).toBe(database.url);
    const script = `import { startEmbeddedDatabase } from "./subgraphs/shared/database/embedded-server/index.ts";
      await startEmbeddedDatabase(${JSON.stringify(dataDir)}).then(() => console.log("started"), (error) => console.log(error.message));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(stdout.trim()).toMatch(/^The embedded database in .*embedded is in use by process \d+\./);
  });
});
