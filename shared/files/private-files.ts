import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The data folder holds the database files, the secrets and the import reports: it is made, or
 * narrowed, to its owner only (0700), since a folder made earlier may have had the umask's 0755.
 */
export function privateFolder(folder: string): string {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  return folder;
}

/** A file only its owner can read or write (0600), replaced whole. */
export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * A secret kept in the data folder in a file only its owner can read (0600): made once, 32 random
 * bytes in hex, then read, so processes started separately on one machine agree on it. Two
 * processes making it at once agree too: the second finds the first one's file.
 */
export function secretInDataFolder(dataDir: string, fileName: string): string {
  const file = join(privateFolder(dataDir), fileName);
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
