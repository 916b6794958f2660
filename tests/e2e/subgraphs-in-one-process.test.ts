import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import parsePrometheus from "parse-prometheus-text-format";
import { startHubProcess } from "../support/launcher.ts";
import { SUBGRAPH_NAMES } from "../../shared/config.ts";

const PORT = 4900;
const KENT_NAME = `query KentName { force(id: "kent") { name } }`;

/** The processes whose parent is `pid`, by pid, with their command lines. */
function childrenOf(pid: number): Map<number, string> {
  const children = new Map<number, string>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      if (parent === pid) children.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " "));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

const requestsCounted = async (metricsPort: number) => {
  const families = parsePrometheus(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()) as {
    name: string;
    metrics: { value?: string }[];
  }[];
  return (families.find((family) => family.name === "hub_graphql_requests_total")?.metrics ?? []).reduce(
    (sum, metric) => sum + Number(metric.value ?? 0),
    0,
  );
};

/** npm start as a newcomer runs it: the embedded database, metrics on, the five subgraphs in one process. */
describe("npm start runs the five subgraphs in one process", () => {
  let started: ReturnType<typeof startHubProcess>;

  beforeAll(async () => {
    started = startHubProcess(PORT, { DATABASE_URL: "", HUB_SAMPLE: "none", LOG_LEVEL: "warn" });
    await Promise.race([
      started.waitFor(/The hub is up/),
      started.waitFor(/could not start/).then(() => Promise.reject(new Error(started.lines.join("\n")))),
    ]);
  }, 240_000);
  afterAll(async () => {
    await started?.stop();
  });

  const ask = async (query: string) =>
    (await (
      await fetch(`http://127.0.0.1:${PORT}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      })
    ).json()) as { data?: { force?: { name: string } }; errors?: unknown };

  it("starts the gateway and one process for the subgraphs, each subgraph on its own port with its own metrics", async () => {
    // Run from source, the launcher would also have esbuild's service as a child: only the hub's own entries are counted.
    const processes = [...childrenOf(started.hub.pid!).values()].filter((command) => /(gateway|subgraphs)\/[\w/-]+\.(ts|js)/.test(command));
    expect(processes.map((command) => command.match(/(gateway|subgraphs)\/[\w/-]+\.(ts|js)/)![0]).sort()).toEqual([
      "gateway/index.js",
      "subgraphs/run-together.js",
    ]);
    // Only the gateway gets past a subgraph's signature check: each port answers, and refuses an unsigned call.
    for (const [index] of SUBGRAPH_NAMES.entries()) expect((await fetch(`http://127.0.0.1:${PORT + 1 + index}/healthz`)).status).toBe(401);
    const forcesMetrics = PORT + 11 + SUBGRAPH_NAMES.indexOf("forces");
    const workforceMetrics = PORT + 11 + SUBGRAPH_NAMES.indexOf("workforce");
    const [forcesBefore, workforceBefore] = [await requestsCounted(forcesMetrics), await requestsCounted(workforceMetrics)];
    expect(await ask(KENT_NAME)).toEqual({ data: { force: { name: "Kent Police" } } });
    expect(await requestsCounted(forcesMetrics)).toBeGreaterThan(forcesBefore);
    expect(await requestsCounted(workforceMetrics)).toBe(workforceBefore);
  });

  it("restarts the subgraphs' process when it dies, and the gateway answers again once it is back", async () => {
    const pid = Number((await started.waitFor(/\[hub\]\s+subgraphs started \(pid (\d+)\)/))[1]);
    const mark = started.lines.length;
    process.kill(pid, "SIGKILL");
    await started.waitFor(/\[hub\]\s+subgraphs \(pid \d+\) is serving again/, mark);
    expect(started.lines.slice(mark).join("\n")).toMatch(
      new RegExp(`subgraphs \\(pid ${pid}\\) exited with signal SIGKILL; restarting in`),
    );
    expect(await ask(KENT_NAME)).toEqual({ data: { force: { name: "Kent Police" } } });
  });
});
