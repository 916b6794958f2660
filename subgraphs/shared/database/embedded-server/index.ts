import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { isAlive, lockDataFolder } from "../lock.ts";
import { serveConnection } from "./connection.ts";
import { SharedSession, type SessionStats } from "./shared-session.ts";

/**
 * PGlite's memory is one WebAssembly memory that grows and never shrinks: PostgreSQL's defaults
 * (128 MB of shared buffers, 64 MB for index builds) would stay resident after the first sample load.
 * Pages not in the buffer cache are read from the data folder, which the OS caches anyway.
 */
const MEMORY_SETTINGS = ["-c", "shared_buffers=32MB", "-c", "maintenance_work_mem=16MB"];

/** PostgreSQL's own default: a schema named after the user, then public. */
const DEFAULT_SEARCH_PATH = `"$user", public`;

export interface EmbeddedDatabase {
  /** A PostgreSQL URL for pg, Prisma's adapter and the hub command. */
  url: string;
  stats(): SessionStats;
  stop(): Promise<void>;
}

export const embeddedDatabaseFolder = (dataDir: string) => join(dataDir, "embedded");
const serverFile = (dataDir: string) => join(embeddedDatabaseFolder(dataDir), "server.json");

/** The URL of the embedded database a running hub serves from this data folder, if one does. */
export function runningEmbeddedDatabase(dataDir: string): string | undefined {
  if (!existsSync(serverFile(dataDir))) return undefined;
  const { pid, url } = JSON.parse(readFileSync(serverFile(dataDir), "utf8")) as { pid: number; url: string };
  return isAlive(pid) ? url : undefined;
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
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const folder = embeddedDatabaseFolder(dataDir);
  const unlock = lockDataFolder(folder);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(folder, { startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] });
    const session = new SharedSession(db, DEFAULT_SEARCH_PATH);
    const parameters = await serverParameters(db);
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      serveConnection(socket, session, parameters);
    });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
    const url = `postgresql://hub@127.0.0.1:${(server.address() as AddressInfo).port}/hub`;
    writeFileSync(serverFile(dataDir), JSON.stringify({ pid: process.pid, url }));
    const opened = db;
    return {
      url,
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
