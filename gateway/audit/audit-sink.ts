import { signRequest } from "../../shared/auth/signed-request.ts";
import type { AuditRecord } from "./audit-plugin.ts";

const FLUSH_EVERY_MS = 500;

/**
 * Sends audit records to the forces subgraph, which keeps the log, in small signed batches off the
 * request path; a failed send is retried with the next batch rather than lost while the gateway runs.
 */
export function createAuditSink(auditUrl: string, secret: string) {
  let pending: AuditRecord[] = [];
  let sending: Promise<void> = Promise.resolve();
  const flush = () => {
    sending = sending.then(async () => {
      if (!pending.length) return;
      const batch = pending;
      pending = [];
      const body = JSON.stringify(batch);
      try {
        const response = await fetch(auditUrl, {
          method: "POST",
          headers: { "content-type": "application/json", ...signRequest(secret, { subject: "gateway", role: "HOME_OFFICE" }, body) },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      } catch (error) {
        console.error(`audit: ${batch.length} records not yet stored (${(error as Error).message}); retrying`);
        pending = [...batch, ...pending];
      }
    });
    return sending;
  };
  const timer = setInterval(() => void flush(), FLUSH_EVERY_MS);
  timer.unref();
  return {
    record: (entry: AuditRecord) => void pending.push(entry),
    flush,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}
