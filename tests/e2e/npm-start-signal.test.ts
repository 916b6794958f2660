import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runningEmbeddedDatabase, startEmbeddedDatabase } from "../../subgraphs/shared/database/embedded-server/index.ts";
import { startHubProcess } from "../support/launcher.ts";
import { descendantsOf } from "../support/processes.ts";

const PORT = 4940;

const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].startsWith("Z");
  } catch {
    return false;
  }
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1")
      .once("connect", () => (socket.destroy(), resolve(true)))
      .once("error", () => resolve(false));
  });

async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200)))
    if (await condition()) return true;
  return condition();
}

/** A process manager, or `docker stop`, signals the process it started: npm, not the hub under it. */
describe("npm start, stopped by a SIGTERM sent to npm alone", () => {
  let hub = new Set<number>();
  // Should the test fail, what it started must not hold ports for the tests after it.
  afterAll(() => [...hub].filter(alive).forEach((pid) => process.kill(pid, "SIGKILL")));

  it("waits for a hub command holding the embedded database; stops the launcher, the subgraphs and the gateway, frees the port and the database", async () => {
    // This process holds the folder as a running hub import does: npm start waits for it, and starts once it lets go.
    const dataDir = mkdtempSync(join(tmpdir(), "hub-launched-"));
    const command = await startEmbeddedDatabase(dataDir, { lasting: false });
    const started = startHubProcess(
      PORT,
      { DATABASE_URL: "", HUB_DATA_DIR: dataDir, HUB_SAMPLE: "none", LOG_LEVEL: "warn", METRICS: "off" },
      ["npm", "start", "--silent"],
    );
    await started.waitFor(new RegExp(`waiting for process ${process.pid}, which has the embedded database in ${dataDir} open`));
    await command.stop();
    await Promise.race([
      started.waitFor(/The hub is up/),
      started.waitFor(/could not start/).then(() => Promise.reject(new Error(started.lines.join("\n")))),
    ]);
    hub = descendantsOf(started.hub.pid!);
    expect(hub.size, "launcher, subgraphs and gateway under npm").toBeGreaterThanOrEqual(3);
    expect(runningEmbeddedDatabase(started.dataDir)).toBeDefined();

    started.hub.kill("SIGTERM");

    expect(await until(() => [...hub].every((pid) => !alive(pid)), 20_000), `still running: ${[...hub].filter(alive).join(", ")}`).toBe(
      true,
    );
    expect(await portOpen(PORT)).toBe(false);
    expect(runningEmbeddedDatabase(started.dataDir)).toBeUndefined();
  }, 120_000);
});
