import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataFolder } from "../../subgraphs/shared/database/lock.ts";

describe("the embedded database lock", () => {
  const folder = mkdtempSync(join(tmpdir(), "hub-lock-"));
  const lockFile = join(folder, "hub.lock");
  afterEach(() => rmSync(lockFile, { force: true }));

  it("refuses a folder another live process holds, naming that process", () => {
    writeFileSync(lockFile, String(process.ppid));
    expect(() => lockDataFolder(folder)).toThrow(`in use by process ${process.ppid}`);
  });

  it("takes over a lock left by a dead process, and releases it", () => {
    writeFileSync(lockFile, "999999999");
    const release = lockDataFolder(folder);
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("refuses a second holder in this very process (two PGlites on one folder corrupt it), and takes over this pid's lock left by an earlier process", () => {
    const release = lockDataFolder(folder);
    expect(() => lockDataFolder(folder)).toThrow(`in use by process ${process.pid}`);
    release();
    writeFileSync(lockFile, String(process.pid));
    lockDataFolder(folder)();
  });
});
