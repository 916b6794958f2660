import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../../shared/project-path.ts";

/** What decides a subgraph's answers besides its data: its code, its migrations and reference data, the dependencies' versions. */
const SOURCES = ["shared", "subgraphs", "prisma", "package-lock.json"];
const SKIPPED = new Set(["generated", "node_modules"]);

function filesUnder(path: string): string[] {
  const entries = readdirSync(path, { withFileTypes: true });
  return entries.flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const child = join(path, entry.name);
    return entry.isDirectory() ? filesUnder(child) : [child];
  });
}

function listSources(): string[] {
  return SOURCES.map((source) => join(PROJECT_ROOT, source))
    .filter((path) => existsSync(path))
    .flatMap((path) => (statSync(path).isDirectory() ? filesUnder(path) : [path]))
    .sort();
}

let fingerprint: string | undefined;

/**
 * A digest of the code that computes the figures: every replica of one build shares it, and a
 * process restarted with other code (a fix, new reference data) never does, so answers cached for
 * one build are never served for another.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  for (const file of listSources()) hash.update(relative(PROJECT_ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  fingerprint = hash.digest("hex").slice(0, 12);
  return fingerprint;
}
