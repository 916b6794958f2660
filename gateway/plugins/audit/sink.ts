import { signRequest } from "../../../shared/auth/signed-request.ts";
import { Backoff } from "../../../shared/retry/backoff.ts";
import type { AuditRecord } from "./index.ts";

const FLUSH_EVERY_MS = 500;

export interface AuditSinkLimits {
  /** Records per POST: a backlog goes in several, each well under the subgraphs' 10 MB body limit. */
  batchSize: number;
  /** Records kept while the forces subgraph cannot store them; beyond this the oldest go, counted in the log. */
  maxPending: number;
}

const LIMITS: AuditSinkLimits = { batchSize: 1_000, maxPending: 100_000 };

/**
 * Sends audit records to the forces subgraph, which keeps the log, in small signed batches off the
 * request path. A failed send is retried, after waits that grow while the log stays unwritable,
 * rather than lost while the gateway runs, up to a bound: memory is not allowed to grow without limit while the log cannot be written.
 */
export function createAuditSink(auditUrl: string, secret: string, { batchSize, maxPending }: AuditSinkLimits = LIMITS) {
  let pending: AuditRecord[] = [];
  let sending: Promise<void> = Promise.resolve();
  let dropped = 0;
  const backoff = new Backoff({ firstMs: FLUSH_EVERY_MS, maxMs: 30_000 });
  let retryAt = 0;

  const keepWithinBound = () => {
    if (pending.length <= maxPending) return;
    dropped += pending.length - maxPending;
    pending = pending.slice(pending.length - maxPending);
  };

  const send = async (batch: AuditRecord[]) => {
    const body = JSON.stringify(batch);
    const response = await fetch(auditUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...signRequest(secret, { subject: "gateway", role: "HOME_OFFICE" }, body) },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };

  const flush = () => {
    sending = sending.then(async () => {
      if (dropped) {
        console.error(`audit: ${dropped} oldest records dropped: more than ${maxPending} waited to be stored`);
        dropped = 0;
      }
      while (pending.length) {
        const batch = pending.splice(0, batchSize);
        try {
          await send(batch);
        } catch (error) {
          pending = [...batch, ...pending];
          keepWithinBound();
          const waitMs = backoff.next();
          retryAt = Date.now() + waitMs;
          console.error(`audit: ${pending.length} records not yet stored (${(error as Error).message}); retrying in ${waitMs / 1000} s`);
          return;
        }
      }
      backoff.reset();
      retryAt = 0;
    });
    return sending;
  };
  const timer = setInterval(() => Date.now() >= retryAt && void flush(), FLUSH_EVERY_MS);
  timer.unref();
  return {
    record: (entry: AuditRecord) => {
      pending.push(entry);
      keepWithinBound();
    },
    flush,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}
