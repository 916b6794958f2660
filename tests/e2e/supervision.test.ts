import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../../shared/config.ts";
import { FRESH_DATABASES, type FreshDatabase } from "../support/fresh-database.ts";
import { startHubProcess } from "../support/launcher.ts";

/** One field of every subgraph, the forces subgraph's through the root. */
const EVERY_SUBGRAPH = `{ force(id: "kent") { name
  responseTimes(from: "2025-01-01", to: "2025-01-31") { emergency { incidents } }
  crimePriorities(from: "2025-01-01", to: "2025-01-31") { recordedOffences }
  workforce(asAt: "2025-03-31") { officersFte }
  misconduct(from: "2025-01-01", to: "2025-01-31") { casesOpened }
} }`;
const PORT = 4600;

/** On a new database without the sample, each subgraph in a process of its own, so that killing one leaves the others serving. */
const startSupervisedHub = (database: FreshDatabase) =>
  startHubProcess(PORT, { ...database.env, HUB_SAMPLE: "none", HUB_SUBGRAPH_PROCESSES: "separate" });

// On the embedded database the launcher serves it: a restarted subgraph connects to it again.
describe.each(FRESH_DATABASES)("npm start supervises its processes, on $name", ({ fresh }) => {
  let started: ReturnType<typeof startHubProcess>;
  let hub: ChildProcess;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const database = await fresh("supervised");
    drop = database.drop;
    started = startSupervisedHub(database);
    hub = started.hub;
    await started.waitFor(/The hub is up/);
  }, 180_000);
  afterAll(async () => {
    hub?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await drop();
  });

  it("restarts a killed subgraph while the gateway keeps answering the others' fields; no request fails beyond the dead one's fields", async () => {
    const endpoint = `http://127.0.0.1:${PORT}/graphql`;
    for (const name of SUBGRAPH_NAMES) {
      const pid = Number((await started.waitFor(new RegExp(`\\[hub\\]\\s+${name} (?:started|restarted) \\(pid (\\d+)\\)`)))[1]);
      const mark = started.lines.length;
      process.kill(pid, "SIGKILL");
      const back = started.waitFor(new RegExp(`\\[hub\\]\\s+${name} \\(pid \\d+\\) is serving again`), mark);
      let serving = false;
      void back.then(() => (serving = true));
      let requests = 0;
      let failedBeyond = 0;
      let sawGap = false;
      while (!serving) {
        const response = await fetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: EVERY_SUBGRAPH }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { serviceName?: string } }[] };
        requests++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        const others = (body.errors ?? []).filter((error) => error.extensions?.serviceName !== name);
        if (response.status !== 200 || others.length) failedBeyond++;
        if (body.errors?.length) sawGap ||= (await fetch(`http://127.0.0.1:${PORT}/readyz`)).status === 503;
      }
      expect(started.lines.slice(mark).join("\n"), name).toMatch(
        new RegExp(`${name} \\(pid ${pid}\\) exited with signal SIGKILL; restarting in`),
      );
      expect({ name, failedBeyond }).toEqual({ name, failedBeyond: 0 });
      expect(requests, name).toBeGreaterThan(0);
      expect(sawGap, `${name}: /readyz shows the gap`).toBe(true);
      const after = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: EVERY_SUBGRAPH }),
      });
      expect(((await after.json()) as { errors?: unknown[] }).errors, name).toBeUndefined();
    }
  }, 300_000);
});
