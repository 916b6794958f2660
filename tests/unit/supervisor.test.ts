import { once } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { supervise } from "../../scripts/support/supervisor.ts";

const count = (log: string[], pattern: RegExp) => log.filter((line) => pattern.test(line)).length;

/** Waits in real time (the timers are fake) until the log has this many lines matching. */
async function logged(log: string[], pattern: RegExp, times = 1, withinMs = 20_000) {
  const deadline = performance.now() + withinMs;
  while (count(log, pattern) < times) {
    if (performance.now() > deadline) throw new Error(`fewer than ${times} log lines ${pattern} in:\n${log.join("\n")}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("the supervisor", () => {
  afterEach(() => vi.useRealTimers());

  it("restarts a process that dies after starting, waiting 0.5 s, then 1, 2 and 4 s, and stops restarting when stopping", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const log: string[] = [];
    let stopping = false;
    const { ready, process: supervised } = supervise("crasher", ["tests/fixtures/processes/crash-after-ready.mjs"], {
      env: process.env,
      stopping: () => stopping,
      log: (line) => log.push(line),
    });
    await ready;
    for (const [index, seconds] of ["0.5", "1.0", "2.0", "4.0"].entries()) {
      await logged(log, new RegExp(`exited with code 1; restarting in ${seconds.replace(".", "\\.")} s`));
      // Nothing restarts before the wait is over.
      vi.advanceTimersByTime(Number(seconds) * 1000 - 1);
      expect(count(log, / restarted /)).toBe(index);
      vi.advanceTimersByTime(1);
      await logged(log, / restarted /, index + 1);
    }
    stopping = true;
    const last = supervised.current();
    if (last.exitCode === null && last.signalCode === null) await once(last, "exit");
    vi.advanceTimersByTime(60_000);
    expect(count(log, / restarted /)).toBe(4);
    expect(log[0]).toMatch(/^crasher started \(pid \d+\)$/);
  }, 60_000);
});
