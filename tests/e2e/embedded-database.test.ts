import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
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
const IDLE_LIMIT_MS = 1_000;
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The URL with another user, password or database in place of the hub's. */
function withLogin(url: string, change: { user?: string; password?: string | null; database?: string }): string {
  const changed = new URL(url);
  if (change.user !== undefined) changed.username = change.user;
  if (change.password !== undefined) changed.password = change.password ?? "";
  if (change.database !== undefined) changed.pathname = `/${change.database}`;
  return changed.toString();
}

describe("the hub's one embedded database, shared over PostgreSQL's wire protocol", () => {
  let dataDir: string;
  let database: EmbeddedDatabase;
  const clients: pg.Client[] = [];
  const logged: string[] = [];
  const connect = async (options?: string, application_name?: string) => {
    const client = new pg.Client({ connectionString: database.url, options, application_name });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "hub-embedded-"));
    database = await startEmbeddedDatabase(dataDir, { idleInTransactionTimeoutMs: IDLE_LIMIT_MS, log: (line) => logged.push(line) });
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

  it("lets in only the hub's own login: its user, its database and the password kept 0600 in the 0700 data folder", async () => {
    const password = readFileSync(join(dataDir, "embedded-database-password"), "utf8");
    expect(password).toMatch(/^[0-9a-f]{64}$/);
    expect(database.url).toBe(withLogin(database.address, { password }));
    expect(modeOf(join(dataDir, "embedded-database-password"))).toBe(0o600);
    expect(modeOf(join(dataDir, "embedded", "server.json"))).toBe(0o600);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, "embedded"))).toBe(0o700);
    const login = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        return (await client.query<{ who: string }>("SELECT current_user AS who")).rows[0].who;
      } catch (error) {
        return (error as Error).message;
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    expect(await login(withLogin(database.url, { password: "guess" }))).toBe('password authentication failed for user "hub"');
    expect(await login(withLogin(database.url, { user: "x" }))).toBe('password authentication failed for user "x"');
    expect(await login(withLogin(database.url, { database: "y" }))).toBe('database "y" does not exist');
    expect(await login(withLogin(database.url, { password: null }))).toMatch(/password/);
    expect(await login(database.url)).toBe("postgres");
  });

  it("refuses psql without the password, as the issue's check ran it, and lets it in with the password", async ({ skip }) => {
    const psql = (url: string) =>
      promisify(execFile)("psql", ["-w", "-At", "-c", "SELECT 1", url], { env: { ...process.env, PGPASSWORD: "" } }).then(
        ({ stdout }) => stdout.trim(),
        (error: { stderr?: string; code?: string }) =>
          error.code === "ENOENT" ? skip("psql is not installed") : (error.stderr ?? "").trim(),
      );
    const { port } = new URL(database.url);
    expect(await psql(`postgresql://x@127.0.0.1:${port}/y`)).toMatch(/password authentication failed for user "x"/);
    expect(await psql(database.address)).toMatch(/password authentication failed for user "hub"|no password supplied/);
    expect(await psql(database.url)).toBe("1");
  });

  it("rolls back and closes a connection idle inside a transaction past the limit, naming it in the log, so the others are served", async () => {
    const stalled = await connect(undefined, "a stalled script");
    const errors: Error[] = [];
    stalled.on("error", (error) => errors.push(error));
    await stalled.query("BEGIN");
    await stalled.query("INSERT INTO public.counted VALUES (77)");
    const other = await connect();
    const started = performance.now();
    const { rows } = await other.query<{ n: number }>("SELECT count(*)::int AS n FROM public.counted WHERE n = 77");
    expect(rows[0].n).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(IDLE_LIMIT_MS - 100);
    await expect.poll(() => errors[0]?.message).toBe("terminating connection due to idle-in-transaction timeout");
    expect(logged).toEqual([
      expect.stringMatching(/connection \d+ \(a stalled script, from port \d+\) was idle in a transaction for more than 1000 ms/),
    ]);
    expect((await other.query("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
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
