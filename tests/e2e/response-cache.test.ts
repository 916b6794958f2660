import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway } from "../../gateway/server.ts";
import { buildSubgraph } from "../../subgraphs/index.ts";
import { readConfig } from "../../shared/config.ts";
import { listen, closeServer } from "../../shared/http/listen.ts";
import { freshTestDatabase } from "../support/fresh-database.ts";
import { DATABASES, mintToken, startHub, TEST_JWT_SECRET, TEST_SECRET, type RunningHub } from "../support/hub.ts";
import { hubCommand } from "../support/commands.ts";

const realData = (path: string) => join(import.meta.dirname, "../fixtures/real-data", path);
const KNIFE_CRIME = `query KentKnifeCrime { force(id: "kent") { name crimePriorities(from: "2023-04-01", to: "2025-03-31") { knifeCrime { offences } } } }`;
/** Set by .ci/run where Redis answers on the machine, as TEST_DATABASE_URL is for PostgreSQL. */
const REDIS_URL = process.env.TEST_REDIS_URL;

async function ask(gatewayUrl: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return {
    status: response.status,
    cache: response.headers.get("x-hub-cache"),
    etag: response.headers.get("etag"),
    cacheControl: response.headers.get("cache-control"),
    body: text ? JSON.parse(text) : undefined,
  };
}

describe.each(DATABASES)("the response cache on $name", ({ url }) => {
  let hub: RunningHub;
  let databaseUrl: string | undefined;
  let dropDatabase: () => Promise<void> = async () => undefined;
  const knifeCrime = async (headers: Record<string, string> = {}) => {
    const answer = await ask(hub.gatewayUrl, KNIFE_CRIME, headers);
    return { ...answer, offences: answer.body?.data?.force.crimePriorities.knifeCrime.offences };
  };

  beforeAll(async () => {
    if (url) ({ url: databaseUrl, drop: dropDatabase } = await freshTestDatabase("response_cache"));
    hub = await startHub(databaseUrl, { sample: false });
    await hub.cacheReady();
  });
  afterAll(async () => {
    await hub?.stop();
    await dropDatabase();
  });

  it("computes an answer once when the same query arrives again while it is being computed: the others wait and get it from the cache", async () => {
    const query = `query DurhamKnifeCrime { force(id: "durham") { name crimePriorities(from: "2022-04-01", to: "2024-03-31") { knifeCrime { offences } } } }`;
    const answers = await Promise.all([0, 1, 2, 3].map(() => ask(hub.gatewayUrl, query)));
    expect(answers.map((answer) => answer.cache).sort()).toEqual(["HIT", "HIT", "HIT", "MISS"]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
  });

  it("answers a repeated query from the cache, identically, with an ETag that gets 304 while the data stands", async () => {
    const first = await knifeCrime();
    expect(first).toMatchObject({ status: 200, cache: "MISS", offences: null, cacheControl: "public, max-age=0, must-revalidate" });
    const second = await knifeCrime();
    expect(second).toMatchObject({ status: 200, cache: "HIT", etag: first.etag });
    expect(second.body).toEqual(first.body);
    expect(await knifeCrime({ "if-none-match": first.etag! })).toMatchObject({ status: 304, body: undefined });
    expect(await knifeCrime({ "x-hub-cache": "refresh" })).toMatchObject({ status: 200, cache: "MISS", etag: first.etag });
  });

  it("never answers from before a load: the next answer is computed on the new data", async () => {
    const before = await knifeCrime();
    expect(before.cache).toBe("HIT");
    expect(await hub.load("ons-knife-crime", realData("ons-knife-crime-pfa.csv"))).toMatchObject({ status: "LOADED" });
    const after = await knifeCrime();
    expect(after).toMatchObject({ cache: "MISS", offences: 2428 });
    expect(after.etag).not.toBe(before.etag);
    expect(await knifeCrime({ "if-none-match": before.etag! })).toMatchObject({ status: 200, cache: "HIT", offences: 2428 });
  });

  it("keeps each viewer's scope apart: a signed-in answer is private and never served to the public", async () => {
    const kent = await mintToken({ role: "FORCE", forceId: "kent" });
    const durham = await mintToken({ role: "FORCE", forceId: "durham" });
    const kentAnswer = await knifeCrime({ authorization: `Bearer ${kent}` });
    expect(kentAnswer).toMatchObject({ cache: "MISS", offences: 2428, cacheControl: "private, max-age=0, must-revalidate" });
    expect(await knifeCrime({ authorization: `Bearer ${kent}` })).toMatchObject({ cache: "HIT" });
    expect((await knifeCrime({ authorization: `Bearer ${durham}` })).cache).toBe("MISS");
    expect((await knifeCrime()).etag).not.toBe(kentAnswer.etag);
  });

  it("keeps no answer with an error, nor the audit log, and the audit log records answers served from the cache", async () => {
    const homeOffice = await mintToken({ role: "HOME_OFFICE" });
    const failing = `{ force(id: "kent") { crimePriorities(from: "2025-03-31", to: "2023-04-01") { knifeCrime { offences } } } }`;
    for (let attempt = 0; attempt < 2; attempt++) expect((await ask(hub.gatewayUrl, failing)).cache).toBe("BYPASS");
    const auditor = await mintToken({ role: "HMICFRS" });
    for (let attempt = 0; attempt < 3; attempt++) await knifeCrime({ authorization: `Bearer ${auditor}` });
    const audit = `{ auditLog(subject: "test-hmicfrs", limit: 10) { operationName outcome } }`;
    const recorded = async () => {
      const answer = await ask(hub.gatewayUrl, audit, { authorization: `Bearer ${homeOffice}` });
      expect(answer.cache).toBe("BYPASS");
      return answer.body.data.auditLog.filter((entry: { operationName: string }) => entry.operationName === "KentKnifeCrime").length;
    };
    await expect.poll(recorded, { timeout: 5_000 }).toBe(3);
  });

  it.runIf(url)(
    "returns from a withdrawal made from the command line beside the running hub only once the gateway serves it, however late the gateway hears",
    async () => {
      expect((await knifeCrime()).cache).toBe("HIT");
      // Asynchronously, as another process on the machine would run it: the hub's event loop keeps turning meanwhile.
      const runHub = (...args: string[]) =>
        promisify(execFile)(process.execPath, hubCommand(...args), {
          encoding: "utf8",
          env: { ...process.env, DATABASE_URL: databaseUrl, HUB_SAMPLE: "none", HUB_GATEWAY_URLS: hub.gatewayUrl },
          cwd: process.cwd(),
        });
      const [{ batch }] = JSON.parse((await runHub("batches", "--kind", "ons-knife-crime", "--json")).stdout) as { batch: string }[];
      // Every call to crime-priorities, its data-version feed included, now waits 2 s before it is read: the gateway hears of the change up to 2 s after the commit.
      hub.delaySubgraph("crime-priorities", 2_000);
      try {
        await runHub("withdraw", batch);
        expect(await knifeCrime()).toMatchObject({ cache: "MISS", offences: null });
      } finally {
        hub.delaySubgraph("crime-priorities", 0);
      }
    },
  );

  it.runIf(url)(
    "serves nothing from the cache while a subgraph cannot hear of changes (its LISTEN connection lost), and caches again once it can",
    async () => {
      expect((await knifeCrime()).cache).toBe("HIT");
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      try {
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
        );
        expect(rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await expect.poll(async () => (await knifeCrime()).cache, { interval: 20, timeout: 2_000 }).toBe("BYPASS");
      await expect.poll(async () => (await knifeCrime()).cache, { interval: 100, timeout: 10_000 }).toBe("HIT");
    },
  );

  it.runIf(url)(
    "gives two replicas of one subgraph on one database the same version token, so a load balancer between them empties nothing",
    async () => {
      const config = readConfig({
        NODE_ENV: "test",
        HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-replica-")),
        GATEWAY_SECRET: TEST_SECRET,
        DATABASE_URL: databaseUrl,
        HUB_SAMPLE: "none",
      });
      const replica = await buildSubgraph("crime-priorities", config);
      try {
        expect(replica.dataVersion.current()).toBe(hub.subgraphs["crime-priorities"].dataVersion.current());
        expect(replica.dataVersion.current()).toMatch(/^[0-9a-f]{12}:\d+@\d+$/);
      } finally {
        await replica.close();
      }
    },
  );

  it.runIf(REDIS_URL)("with REDIS_URL, gateways behind one load balancer share one cache", async () => {
    const config = readConfig({
      NODE_ENV: "test",
      HUB_DATA_DIR: mkdtempSync(join(tmpdir(), "hub-redis-")),
      GATEWAY_SECRET: TEST_SECRET,
      JWT_SECRET: TEST_JWT_SECRET,
      REDIS_URL,
    });
    const gateways = await Promise.all([0, 1].map(() => createGateway(config, { subgraphUrls: hub.subgraphUrls })));
    const servers = await Promise.all(gateways.map((gateway) => listen(gateway.handler, 0, "127.0.0.1")));
    try {
      for (const gateway of gateways) await expect.poll(() => gateway.dataVersions?.current(), { timeout: 5_000 }).toBeDefined();
      const [first, second] = servers.map((server) => server.url);
      expect((await ask(first, KNIFE_CRIME)).cache).toBe("MISS");
      expect((await ask(second, KNIFE_CRIME)).cache).toBe("HIT");
    } finally {
      await Promise.all(servers.map((server) => closeServer(server.server)));
      await Promise.all(gateways.map((gateway) => gateway.stop()));
    }
  });

  it("after a load into one subgraph asks only that subgraph again: the others' answers to the same calls are kept under their unchanged data versions", async () => {
    const query = `query KentKnifeCrimeByYear { force(id: "kent") { name region { name } crimePriorities(from: "2023-10-01", to: "2024-09-30") { knifeCrime { offences } } } }`;
    const offences = async () => {
      const answer = await ask(hub.gatewayUrl, query);
      return {
        cache: answer.cache,
        offences: answer.body.data.force.crimePriorities.knifeCrime.offences,
        name: answer.body.data.force.name,
      };
    };
    expect((await offences()).cache).toBe("MISS");
    const [forcesCalls, crimeCalls] = [hub.graphqlCalls("forces"), hub.graphqlCalls("crime-priorities")];
    expect(await hub.load("ons-knife-crime", realData("knife-crime-revision.csv"))).toMatchObject({ status: "LOADED" });
    expect(await offences()).toEqual({ cache: "MISS", offences: 1220, name: "Kent Police" });
    expect(hub.graphqlCalls("forces")).toBe(forcesCalls);
    expect(hub.graphqlCalls("crime-priorities")).toBeGreaterThan(crimeCalls);
  });
});
