import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder up with a package.json: the checkout, whether this runs from source or from the compiled runtime in .build/runtime. */
function findProjectRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the checkout by its path from the root (reference data, migrations, the explorer's bundle). */
export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
