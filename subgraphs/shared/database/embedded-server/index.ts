import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS } from "../../../../shared/config.ts";
import { privateFolder, secretInDataFolder, writePrivateFile } from "../../../../shared/files/private-files.ts";
import { createLogger } from "../../../../shared/observability/logger.ts";
import { Backoff, pause } from "../../../../shared/retry/backoff.ts";
import { FolderInUse, isAlive, lockDataFolder } from "../lock.ts";
import { serveConnection, type Login } from "./connection.ts";
import { scramVerifier } from "./scram.ts";
import { SharedSession, type SessionOptions, type SessionStats } from "./shared-session.ts";

/**
 * PGlite's memory is one WebAssembly memory that grows and never shrinks: PostgreSQL's defaults
 * (128 MB of shared buffers, 64 MB for index builds) would stay resident after the first sample load.
 * Pages not in the buffer cache are read from the data folder, which the OS caches anyway.
 */
const MEMORY_SETTINGS = ["-c", "shared_buffers=32MB", "-c", "maintenance_work_mem=16MB"];

/** PostgreSQL's own default: a schema named after the user, then public. */
const DEFAULT_SEARCH_PATH = `"$user", public`;

/** The one user and database the server accepts; the password is made once per data folder. */
const USER = "hub";
const DATABASE = "hub";
const PASSWORD_FILE = "embedded-database-password";

export interface EmbeddedDatabase {
  /** A PostgreSQL URL for pg, Prisma's adapter and the hub command, with the password: never logged. */
  url: string;
  /** The same without the password, for logs. */
  address: string;
  stats(): SessionStats;
  stop(): Promise<void>;
}

export const embeddedDatabaseFolder = (dataDir: string) => join(dataDir, "embedded");
const serverFile = (dataDir: string) => join(embeddedDatabaseFolder(dataDir), "server.json");

/**
 * The URL (with its password) of the embedded database served from this data folder, if a running
 * hub serves it, or this process does. A hub command's server lasts only as long as the command:
 * another process does not connect to it, it waits for the folder.
 */
export function runningEmbeddedDatabase(dataDir: string): string | undefined {
  if (!existsSync(serverFile(dataDir))) return undefined;
  const { pid, url, lasting } = JSON.parse(readFileSync(serverFile(dataDir), "utf8")) as { pid: number; url: string; lasting?: boolean };
  return isAlive(pid) && (lasting !== false || pid === process.pid) ? url : undefined;
}

async function serverParameters(db: PGlite): Promise<[string, string][]> {
  const read = async (name: string) => (await db.query<{ value: string }>(`SELECT current_setting('${name}') AS value`)).rows[0].value;
  return [
    ["server_version", await read("server_version")],
    ["server_encoding", "UTF8"],
    ["client_encoding", "UTF8"],
    ["DateStyle", await read("DateStyle")],
    ["TimeZone", await read("TimeZone")],
    ["integer_datetimes", "on"],
    ["standard_conforming_strings", "on"],
  ];
}

/**
 * One PGlite database for the whole hub, in `<dataDir>/embedded`, served over PostgreSQL's wire
 * protocol on the loopback interface: the subgraphs and `hub import` reach it through pg exactly as
 * they reach a PostgreSQL server, each subgraph in its own schema. Its address is written beside the
 * data, so a hub command started while the hub runs finds it instead of opening the folder twice.
 * Only the hub's own processes get in: the login needs the password kept in the data folder
 * (0600, the folder 0700), and the URL with it is in `server.json` (0600).
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  {
    idleInTransactionTimeoutMs = EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    log = (line: string) => createLogger("embedded-database").warn(line),
    lasting = true,
  }: Partial<SessionOptions> & {
    /** False for a hub command serving the folder for its own duration: others wait for it to finish instead of connecting. */
    lasting?: boolean;
  } = {},
): Promise<EmbeddedDatabase> {
  const folder = privateFolder(embeddedDatabaseFolder(privateFolder(dataDir)));
  const password = secretInDataFolder(dataDir, PASSWORD_FILE);
  const login: Login = { user: USER, database: DATABASE, verifier: scramVerifier(password) };
  const unlock = lockDataFolder(folder);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(folder, { startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] });
    const session = new SharedSession(db, DEFAULT_SEARCH_PATH, { idleInTransactionTimeoutMs, log });
    const parameters = await serverParameters(db);
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      serveConnection(socket, session, parameters, login);
    });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
    const address = `postgresql://${USER}@127.0.0.1:${(server.address() as AddressInfo).port}/${DATABASE}`;
    const url = address.replace(`${USER}@`, `${USER}:${password}@`);
    writePrivateFile(serverFile(dataDir), JSON.stringify({ pid: process.pid, url, lasting }));
    const opened = db;
    return {
      url,
      address,
      stats: () => ({ ...session.stats }),
      stop: async () => {
        rmSync(serverFile(dataDir), { force: true });
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        });
        await session.idle();
        await opened.close();
        unlock();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

type ServeOptions = Parameters<typeof startEmbeddedDatabase>[1] & { join?: boolean };

/**
 * The embedded database's address once this process may have it: the running hub's when `join`
 * and a hub serves the folder, else one this process serves. While another process holds the
 * folder without serving it to others (a hub command, or a hub starting), this one waits for it,
 * naming once each process it waits for, rather than failing: two imports started together both
 * load, and npm start begun during an import starts after it. Without `join`, a folder a running
 * hub serves is refused (a second hub on it).
 */
export async function serveWhenFree(
  dataDir: string,
  options: ServeOptions & { join: false },
): Promise<{ url: string; hosted: EmbeddedDatabase }>;
export async function serveWhenFree(dataDir: string, options?: ServeOptions): Promise<{ url: string; hosted?: EmbeddedDatabase }>;
export async function serveWhenFree(
  dataDir: string,
  { join = true, ...options }: ServeOptions = {},
): Promise<{ url: string; hosted?: EmbeddedDatabase }> {
  const retry = new Backoff({ firstMs: 250, maxMs: 2_000 });
  const named = new Set([process.pid]);
  for (;;) {
    const running = runningEmbeddedDatabase(dataDir);
    if (running && join) return { url: running };
    try {
      const hosted = await startEmbeddedDatabase(dataDir, options);
      return { url: hosted.url, hosted };
    } catch (error) {
      if (!(error instanceof FolderInUse) || (running && !join)) throw error;
      // Another subgraph of this process may be starting it: its address is in server.json in a moment.
      if (!named.has(error.holder)) {
        named.add(error.holder);
        console.error(`waiting for process ${error.holder}, which has the embedded database in ${dataDir} open, to finish with it`);
      }
      await pause(retry.next());
    }
  }
}
