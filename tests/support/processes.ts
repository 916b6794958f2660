import { readdirSync, readFileSync } from "node:fs";

/** Every process under `root` (its children, theirs, and so on), found through /proc (Linux). */
export function descendantsOf(root: number): Set<number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      parents.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found = new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (found.has(pid) || (parent !== root && !found.has(parent))) continue;
      found.add(pid);
      grew = true;
    }
  }
  return found;
}
