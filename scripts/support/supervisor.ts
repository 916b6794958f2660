import type { ChildProcess } from "node:child_process";
import { Backoff } from "../../shared/retry/backoff.ts";
import { startChild } from "./child-process.ts";

/** A process that stayed up this long is healthy again: its next crash restarts it at once. */
const STABLE_AFTER_MS = 60_000;

export interface SupervisedProcess {
  name: string;
  current(): ChildProcess;
}

/**
 * Runs a process and restarts it whenever it dies after having started, with a backoff doubling from
 * 0.5 s to 30 s, logging one line naming it and how it ended. `ready` rejects if the first start fails:
 * a process that cannot start at all is a configuration error, not a crash.
 */
export function supervise(
  name: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; stopping: () => boolean; log: (line: string) => void },
) {
  const backoff = new Backoff({ firstMs: 500, maxMs: 30_000 });
  let child: ChildProcess;
  let everServed = false;
  const launch = (restart: boolean): Promise<void> => {
    const startedAt = Date.now();
    const started = startChild(name, args, {
      env: options.env,
      onExit: (code, signal) => {
        if (options.stopping() || !everServed) return;
        if (Date.now() - startedAt > STABLE_AFTER_MS) backoff.reset();
        const wait = backoff.next();
        options.log(
          `${name} (pid ${started.child.pid}) exited with ${signal ? `signal ${signal}` : `code ${code}`}; restarting in ${(wait / 1000).toFixed(1)} s`,
        );
        setTimeout(() => {
          if (!options.stopping()) launch(true).catch(() => undefined);
        }, wait).unref();
      },
    });
    child = started.child;
    options.log(`${name} ${restart ? "restarted" : "started"} (pid ${child.pid})`);
    return started.ready.then(() => {
      everServed = true;
      if (restart) options.log(`${name} (pid ${child.pid}) is serving again`);
    });
  };
  const ready = launch(false);
  return { process: { name, current: () => child } satisfies SupervisedProcess, ready };
}
