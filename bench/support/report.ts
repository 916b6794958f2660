import { mkdirSync, writeFileSync } from "node:fs";

export interface BenchRow {
  benchmark: string;
  subject: string;
  baseline: string;
  subjectValue: number;
  baselineValue: number;
  unit: string;
  /** subject / baseline. */
  ratio: number;
  note?: string;
}

/** Prints the rows as a table and writes them to bench/results/<name>.json. */
export function report(name: string, rows: BenchRow[], context: Record<string, unknown>) {
  console.table(
    rows.map((row) => ({
      ...row,
      subjectValue: +row.subjectValue.toFixed(2),
      baselineValue: +row.baselineValue.toFixed(2),
      ratio: +row.ratio.toFixed(3),
    })),
  );
  mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
  const file = new URL(`../results/${name}.json`, import.meta.url);
  writeFileSync(file, JSON.stringify({ name, measuredAt: new Date().toISOString(), context, rows }, null, 2));
  console.log(`written to ${file.pathname}`);
}
