import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { envKey, SUBGRAPH_NAMES } from "../../shared/config.ts";
import { compiledEntry } from "./commands.ts";

/** The launcher as `npm start` runs it, compiled, without npm and the build step (the suite compiles first). */
const LAUNCHER = [process.execPath, ...compiledEntry("scripts/start.ts")];

/** `npm start` as a newcomer runs it (by default its launcher from source), with its own data folder and ports from `port` up (metrics from port + 10). */
export function startHubProcess(port: number, env: NodeJS.ProcessEnv, [command, ...args] = LAUNCHER) {
  const dataDir = env.HUB_DATA_DIR || mkdtempSync(join(tmpdir(), "hub-launched-"));
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir, PORT: String(port), METRICS_PORT: String(port + 10), ...env };
  SUBGRAPH_NAMES.forEach((name, index) => {
    fullEnv[`${envKey(name)}_PORT`] = String(port + 1 + index);
    fullEnv[`${envKey(name)}_METRICS_PORT`] = String(port + 11 + index);
  });
  const hub = spawn(command, args, { cwd: process.cwd(), env: fullEnv, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];
  for (const stream of [hub.stdout, hub.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      for (const waiter of [...waiters]) {
        const match = waiter.pattern.exec(line);
        if (match) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(match);
        }
      }
    });
  }
  const waitFor = (pattern: RegExp, after = 0) =>
    new Promise<RegExpExecArray>((resolve) => {
      const seen = lines
        .slice(after)
        .map((line) => pattern.exec(line))
        .find(Boolean);
      if (seen) resolve(seen);
      else waiters.push({ pattern, resolve });
    });
  const stopped = () =>
    new Promise<void>((resolve) => (hub.exitCode !== null || hub.signalCode !== null ? resolve() : hub.once("exit", () => resolve())));
  return { hub, lines, waitFor, dataDir, env: fullEnv, stop: () => (hub.kill("SIGTERM"), stopped()) };
}
