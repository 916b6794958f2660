/** The hub as separate processes on PostgreSQL, on fixed ports, for the benchmarks that measure serving. */
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startChild } from "../../scripts/support/child-process.ts";
import { envKey, SUBGRAPH_NAMES } from "../../shared/config.ts";
import { TEST_JWT_SECRET } from "../../tests/support/hub.ts";
import { benchDatabase } from "./database.ts";

const FIRST_SUBGRAPH_PORT = 4401;

export const graphqlUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** Production settings, a token secret the bench can mint with, no request logs, and each subgraph on its own port. */
export function hubEnvironment(dataDir: string, databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HUB_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    GATEWAY_SECRET: randomBytes(32).toString("hex"),
    JWT_SECRET: TEST_JWT_SECRET,
    APOLLO_TELEMETRY_DISABLED: "1",
    // Hive Gateway runs with logging "error": neither side writes a line per request while measured.
    LOG_LEVEL: "warn",
    // Several gateways run side by side here, and no one scrapes them.
    METRICS: "off",
    // As npm start runs them: see scripts/support/child-process.ts.
    HUB_RUNTIME: "compiled",
  };
  SUBGRAPH_NAMES.forEach((name, index) => {
    env[`${envKey(name)}_PORT`] = String(FIRST_SUBGRAPH_PORT + index);
    env[`${envKey(name)}_URL`] = graphqlUrl(FIRST_SUBGRAPH_PORT + index);
  });
  return env;
}

/** An empty database of that name on the bench's PostgreSQL server, dropped first if it exists. */
export async function freshBenchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: await benchDatabase("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  return benchDatabase(name);
}

/** Starts one process of the hub (or a gateway beside it), keeps it in `children` to stop later and gives it once it is ready. */
export async function startProcess(children: ChildProcess[], env: NodeJS.ProcessEnv, name: string, args: string[]): Promise<ChildProcess> {
  const { child, ready } = startChild(name, args, { env, echo: false });
  children.push(child);
  await ready;
  return child;
}

/** The five subgraphs, one after another: the first on an empty database loads the sample, the others then find it there. */
export async function startSubgraphs(
  children: ChildProcess[],
  env: NodeJS.ProcessEnv,
  nodeArgs: (name: string) => string[] = () => [],
): Promise<void> {
  for (const name of SUBGRAPH_NAMES) await startProcess(children, env, name, [...nodeArgs(name), `subgraphs/${name}/index.ts`]);
}

/** Stops the processes and waits until each has exited (a profile is written at exit). */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
}
