import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { Backoff } from "../../../shared/retry/backoff.ts";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { HubConfig, SubgraphName } from "../../../shared/config.ts";
import { serveWhenFree } from "./embedded-server/index.ts";
import { applyMigrations, postgresSchema } from "./migrations.ts";

/** A plain SQL connection beside Prisma, for bulk loads and heavy aggregates. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(work: (sql: SqlClient) => Promise<T>): Promise<T>;
}

export interface Database {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  sql: SqlClient;
  embedded: boolean;
  /**
   * Calls `onNotice` with each NOTIFY payload on the channel, from this process or any other on the
   * same database; with no payload after a lost connection is back, since a notice may have been missed.
   * `onLost`: the connection is lost, and until it is back notices do not arrive.
   */
  listen(channel: string, onNotice: (payload?: string) => void, onLost?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PGlite of the subgraph's own, in memory (tests); ignored when a database URL is set. */
  inMemory?: boolean;
  /** A hub command: with no hub running it serves the embedded database for its own duration, after any other command that does. */
  transient?: boolean;
}

function pgliteSql(db: Pick<PGlite, "query" | "transaction">): SqlClient {
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await db.query<Row>(text, params)).rows,
    transaction: (work) =>
      db.transaction((tx) =>
        work(pgliteSql({ query: tx.query.bind(tx), transaction: () => Promise.reject(new Error("nested transaction")) })),
      ),
  };
}

function postgresSql(pool: pg.Pool | pg.PoolClient): SqlClient {
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as Row[],
    transaction: async (work) => {
      if (!("connect" in pool) || "release" in pool) throw new Error("nested transaction");
      const client = await pool.connect();
      // A connection lost mid-transaction fails the statement in flight; the pool listens only to idle ones.
      const lost = () => undefined;
      client.on("error", lost);
      try {
        await client.query("BEGIN");
        const result = await work(postgresSql(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.off("error", lost);
        client.release();
      }
    },
  };
}

/** A subgraph's own PGlite in this process, in memory: tests, which build the whole graph in one process. */
async function openInMemory(): Promise<Database> {
  const pglite = await PGlite.create();
  return {
    adapter: new PrismaPGlite(pglite),
    sql: pgliteSql(pglite),
    embedded: true,
    listen: async (channel, onNotice) => {
      const unlisten = await pglite.listen(channel, onNotice);
      return () => unlisten();
    },
    close: () => pglite.close(),
  };
}

/**
 * Subgraphs may share one PostgreSQL database: each keeps its tables and its
 * _prisma_migrations history in its own schema, so their migration names never collide.
 */
function serverPool(name: SubgraphName, url: string, max: number) {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: `-c search_path=${postgresSchema(name)}`,
    application_name: `police-performance-hub ${name}`,
  });
  // An idle connection the server closes (restart, administrator) is dropped from the pool, not a crash.
  pool.on("error", (error) => console.error(`${name}: an idle PostgreSQL connection was closed: ${error.message}`));
  return pool;
}

const UNIQUE_VIOLATION = "23505";

// adapter-pg pins its own @types/pg; the runtime Pool is the same class.
const serverAdapter = (name: SubgraphName, pool: pg.Pool) =>
  new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0], { schema: postgresSchema(name) });

/**
 * The schema engine takes PostgreSQL's session-level migration lock; on a pool the unlock can
 * go out on another connection and leave the lock held, so migrations get one connection of their own.
 */
async function migrateServer(name: SubgraphName, url: string): Promise<void> {
  const pool = serverPool(name, url, 1);
  try {
    // IF NOT EXISTS is not safe against a second process creating it at the same moment: then it exists, as wanted.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${postgresSchema(name)}"`).catch((error: { code?: string }) => {
      if (error.code !== UNIQUE_VIOLATION) throw error;
    });
    await applyMigrations(name, serverAdapter(name, pool));
  } finally {
    await pool.end();
  }
}

/** LISTEN holds a connection of its own, outside the pool; one the server drops is opened again. */
async function listenServer(
  url: string,
  channel: string,
  onNotice: (payload?: string) => void,
  onLost: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const backoff = new Backoff({ firstMs: 500, maxMs: 10_000 });
  const connectLater = () => {
    if (!stopped) retry = setTimeout(() => void connect(true).catch(() => undefined), backoff.next());
  };
  const connect = async (again: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (notice) => notice.channel === channel && onNotice(notice.payload));
    next.on("error", () => {
      if (client !== next) return;
      client = undefined;
      if (!stopped) onLost();
      void next.end().catch(() => undefined);
      connectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
    } catch (error) {
      void next.end().catch(() => undefined);
      if (!again) throw error;
      connectLater();
      return;
    }
    client = next;
    backoff.reset();
    if (again) onNotice();
  };
  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

function openServer(name: SubgraphName, url: string): Database {
  const pool = serverPool(name, url, 10);
  return {
    adapter: serverAdapter(name, pool),
    sql: postgresSql(pool),
    embedded: false,
    listen: (channel, onNotice, onLost = () => undefined) => listenServer(url, channel, onNotice, onLost),
    close: () => pool.end(),
  };
}

async function openMigratedServer(name: SubgraphName, url: string): Promise<Database> {
  await migrateServer(name, url);
  return openServer(name, url);
}

/**
 * The hub's one embedded database, through the wire as a PostgreSQL server: the one a running hub
 * serves from this data folder, else served by this process until the database is closed.
 */
async function openOnEmbeddedServer(name: SubgraphName, config: HubConfig, options: OpenOptions): Promise<Database> {
  const { url, hosted } = await serveWhenFree(config.dataDir, {
    idleInTransactionTimeoutMs: config.embeddedIdleInTransactionTimeoutMs,
    lasting: !options.transient,
  });
  try {
    const database = await openMigratedServer(name, url);
    return {
      ...database,
      embedded: true,
      close: async () => {
        await database.close();
        await hosted?.stop();
      },
    };
  } catch (error) {
    await hosted?.stop();
    throw error;
  }
}

/** Opens a subgraph's database (PostgreSQL when a URL is configured, else the hub's embedded PGlite) and migrates it. */
export async function openDatabase(name: SubgraphName, config: HubConfig, options: OpenOptions = {}): Promise<Database> {
  const url = config.databaseUrl(name);
  if (url) return openMigratedServer(name, url);
  if (!options.inMemory) return openOnEmbeddedServer(name, config, options);
  const database = await openInMemory();
  try {
    await applyMigrations(name, database.adapter);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
