import type { PGlite } from "@electric-sql/pglite";
import {
  backendMessages,
  commandComplete,
  errorResponse,
  listenCommand,
  notificationChannel,
  queryText,
  readyForQuery,
  simpleQuery,
  sync,
  type TransactionStatus,
} from "./wire.ts";

/** One client connection as the shared session sees it. */
export interface SessionClient {
  readonly id: number;
  /** How a log line names it: its number, application_name and port. */
  readonly name: string;
  /** The search_path its startup asked for (each subgraph its own schema); the server default when undefined. */
  readonly searchPath: string | undefined;
  readonly listening: Set<string>;
  send(bytes: Buffer): void;
  /** Sends a last message (a FATAL error) and closes the connection. */
  close(bytes: Buffer): void;
}

interface Pending {
  client: SessionClient;
  /** A frontend message, or undefined for the clean-up after a client went away mid-turn. */
  message: Buffer | undefined;
  arrivedAt: number;
}

export interface SessionOptions {
  /** A connection that holds the session and sends nothing for this long is rolled back and closed. */
  idleInTransactionTimeoutMs: number;
  log(line: string): void;
}

export interface SessionStats {
  /** The longest a message waited for the session, in ms: how long one connection's turn held up the others. */
  longestWaitMs: number;
}

/**
 * PGlite is one PostgreSQL session. Many connections share it in turns: a turn starts with a
 * connection's message and lasts until the session is idle again (ReadyForQuery 'I'), so an
 * extended-protocol exchange or a transaction runs whole, with no other connection's statement
 * inside it, and no connection ever sees another's uncommitted rows. A long transaction makes the
 * others wait for its whole length. Session state that differs per connection is put back at
 * each turn (search_path); notifications, which PGlite returns to whichever connection's turn
 * committed them, go to the connections that listen on the channel. A connection that holds a turn
 * and then sends nothing (a stalled script, a suspended import) would stall every other one: after
 * `idleInTransactionTimeoutMs` its transaction is rolled back and it is closed, as PostgreSQL's
 * idle_in_transaction_session_timeout does.
 */
export class SharedSession {
  private readonly clients = new Set<SessionClient>();
  private readonly queue: Pending[] = [];
  private owner: SessionClient | undefined;
  private status: TransactionStatus = "I";
  private running: Promise<void> | undefined;
  private searchPath: string;
  private idleTimer: NodeJS.Timeout | undefined;
  readonly stats: SessionStats = { longestWaitMs: 0 };

  constructor(
    private readonly db: PGlite,
    private readonly defaultSearchPath: string,
    private readonly options: SessionOptions,
  ) {
    this.searchPath = defaultSearchPath;
  }

  submit(client: SessionClient, message: Buffer): void {
    this.queue.push({ client, message, arrivedAt: performance.now() });
    this.run();
  }

  register(client: SessionClient): void {
    this.clients.add(client);
  }

  /** Drops what a departed client still had queued, and ends its turn (its transaction rolled back) if it held one. */
  unregister(client: SessionClient): void {
    if (!this.clients.delete(client)) return;
    for (let index = this.queue.length - 1; index >= 0; index--) if (this.queue[index].client === client) this.queue.splice(index, 1);
    if (this.owner === client) {
      this.stopIdleTimer();
      this.queue.unshift({ client, message: undefined, arrivedAt: performance.now() });
      this.run();
    }
  }

  private next(): Pending | undefined {
    const index = this.owner ? this.queue.findIndex((pending) => pending.client === this.owner) : 0;
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  /** Resolves once nothing is queued or running (before the database is closed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private run(): void {
    // The promise is kept before it can settle: .finally runs after this assignment even when nothing is queued.
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    for (let pending = this.next(); pending; pending = this.next())
      await this.execute(pending).catch((error: Error) => this.fail(pending.client, error));
    if (this.owner) this.startIdleTimer(this.owner);
  }

  /** The owner has had its answers and the session waits for it alone. */
  private startIdleTimer(owner: SessionClient): void {
    this.stopIdleTimer();
    const limitMs = this.options.idleInTransactionTimeoutMs;
    this.idleTimer = setTimeout(() => {
      if (this.owner !== owner) return;
      this.options.log(
        `embedded database: ${owner.name} was idle in a transaction for more than ${limitMs} ms, holding up the others: its transaction is rolled back and it is closed (EMBEDDED_IDLE_IN_TRANSACTION_TIMEOUT_MS)`,
      );
      owner.close(errorResponse("25P03", "terminating connection due to idle-in-transaction timeout", "FATAL"));
      this.unregister(owner);
    }, limitMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private async execute({ client, message, arrivedAt }: Pending): Promise<void> {
    this.stopIdleTimer();
    const now = performance.now();
    this.stats.longestWaitMs = Math.max(this.stats.longestWaitMs, now - arrivedAt);
    if (!this.owner) {
      this.owner = client;
      await this.useSearchPath(client.searchPath ?? this.defaultSearchPath);
    }
    if (!message) return this.endAbandonedTurn();
    const output = this.answerListen(client, message) ?? (await this.db.execProtocolRaw(message));
    this.deliver(client, output);
  }

  /** PGlite itself failed (not a statement's error, which comes back as a message): the client is told, the turn ends. */
  private fail(client: SessionClient, error: Error): void {
    client.send(Buffer.concat([errorResponse("XX000", `embedded database: ${error.message}`), readyForQuery(this.status)]));
    if (this.status === "I") this.owner = undefined;
  }

  private async useSearchPath(searchPath: string): Promise<void> {
    if (searchPath === this.searchPath) return;
    await this.db.exec(`SET search_path TO ${searchPath}`);
    this.searchPath = searchPath;
  }

  /** LISTEN also goes to PGlite (so the session hears the channel); UNLISTEN only stops this client hearing it, since others may listen. */
  private answerListen(client: SessionClient, message: Buffer): Buffer | undefined {
    if (message[0] !== 0x51) return undefined;
    const command = listenCommand(queryText(message));
    if (!command) return undefined;
    if (command.listen) {
      client.listening.add(command.channel);
      return undefined;
    }
    if (command.channel === "*") client.listening.clear();
    else client.listening.delete(command.channel);
    return Buffer.concat([commandComplete("UNLISTEN"), readyForQuery(this.status)]);
  }

  private deliver(client: SessionClient, output: Uint8Array): void {
    const own: Buffer[] = [];
    for (const { type, bytes } of backendMessages(output)) {
      if (type === "A") {
        this.notify(bytes);
        continue;
      }
      own.push(bytes);
      if (type === "Z") this.endOfExchange(String.fromCharCode(bytes[5]) as TransactionStatus);
    }
    if (own.length) client.send(Buffer.concat(own));
  }

  private notify(notification: Buffer): void {
    const channel = notificationChannel(notification);
    for (const listener of this.clients) if (listener.listening.has(channel)) listener.send(notification);
  }

  private endOfExchange(status: TransactionStatus): void {
    this.status = status;
    if (status === "I") this.owner = undefined;
  }

  private async endAbandonedTurn(): Promise<void> {
    const ended = backendMessages(await this.db.execProtocolRaw(sync())).find((message) => message.type === "Z");
    if (ended && ended.bytes[5] !== 0x49) await this.db.execProtocolRaw(simpleQuery("ROLLBACK"));
    this.status = "I";
    this.owner = undefined;
  }
}
