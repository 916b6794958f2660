import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The data folder is held by another live process. */
export class FolderInUse extends Error {
  constructor(
    folder: string,
    readonly holder: number,
  ) {
    super(
      `The embedded database in ${folder} is in use by process ${holder}. ` +
        "Stop that process, or give this one its own HUB_DATA_DIR or a DATABASE_URL.",
    );
  }
}

/** Folders this process holds: a lock file naming this process is stale only when it is not among them (a reused pid). */
const heldHere = new Set<string>();

/**
 * PGlite lets a second process open a data folder and then silently corrupts it, and so does a
 * second PGlite in one process (five subgraphs opening the database at once), so each folder is
 * owned through a pid file; a stale one left by a dead process is taken over.
 */
export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const lockFile = join(folder, "hub.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(folder);
      return () => {
        heldHere.delete(folder);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (holder && (holder === process.pid ? heldHere.has(folder) : isAlive(holder))) throw new FolderInUse(folder, holder);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${folder}`);
}
