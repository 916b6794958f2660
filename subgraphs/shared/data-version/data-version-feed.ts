import type { Express } from "express";
import type { Database } from "../database/open.ts";
import { codeFingerprint } from "./code-fingerprint.ts";
import { DATA_CHANGED_CHANNEL, readDataVersion } from "./data-version.ts";
import {
  DATA_VERSION_WAIT_MS,
  isKnownVersionToken,
  unknownVersionToken,
  versionToken,
} from "../../../shared/data-version/version-token.ts";

export interface DataVersionFeed {
  /** A token that changes whenever this subgraph's answers may have: a load, a withdrawal, the sample, other code. */
  current: () => string;
  /** GET /data-version?after=<token>: answers at once when the token differs, else when it changes or the wait is over. */
  route(app: Express): void;
  stop(): Promise<void>;
}

/**
 * Follows the subgraph's data version through the database's notices, whichever process made the
 * change (this one, `hub import` beside it, another replica). The token starts with the code's
 * fingerprint: replicas of one build answer alike and share it, while a subgraph restarted with
 * other code (a fix, new reference data) never matches a token from before.
 */
export async function startDataVersionFeed(database: Database, schema: string): Promise<DataVersionFeed> {
  const build = codeFingerprint();
  const waiting = new Set<() => void>();
  const unknown = unknownVersionToken(build);
  let version = unknown;
  let reading: Promise<void> = Promise.resolve();
  const moveTo = (next: string) => {
    if (next === version) return;
    version = next;
    for (const wake of waiting) wake();
  };
  const refresh = () => {
    reading = reading
      .then(async () => moveTo(versionToken(build, await readDataVersion(database.sql, schema))))
      .catch((error: Error) => {
        moveTo(unknown);
        console.error(`${schema}: the data version could not be read (${error.message}); answers are not cached until it can`);
      });
    return reading;
  };
  // Listen before the first read: a change committed in between is then never missed. While the
  // notices cannot arrive, a change could go unheard: the version is unknown until they can again.
  const unlisten = await database.listen(
    DATA_CHANGED_CHANNEL,
    (payload) => void (payload === undefined || payload === schema ? refresh() : undefined),
    () => moveTo(unknown),
  );
  await refresh();
  return {
    current: () => version,
    route: (app) => {
      app.get("/data-version", (request, response) => {
        const after = typeof request.query.after === "string" ? request.query.after : "";
        const answer = () => {
          waiting.delete(answer);
          clearTimeout(timer);
          if (!response.headersSent) response.set("cache-control", "no-store").json({ version });
        };
        const timer = setTimeout(answer, DATA_VERSION_WAIT_MS);
        if (after !== version || !isKnownVersionToken(version)) return answer();
        waiting.add(answer);
        response.once("close", () => {
          waiting.delete(answer);
          clearTimeout(timer);
        });
      });
    },
    stop: async () => {
      for (const wake of waiting) wake();
      await unlisten();
    },
  };
}
