import { writeFileSync } from "node:fs";
import { join } from "node:path";

const HEADER = "force,reference,grade,area_type,call_connected_at,call_answered_at,deployed_at,arrived_at";
const INCIDENTS = 2_000;

/**
 * A month of Kent's emergency incidents in the hub's incident format, made up for the benchmark (never
 * committed, never a published figure): loaded beside the running hub, it replaces the sample's
 * June 2025 for Kent, which moves Kent's page, the national picture, the league table and comparisons.
 */
export function responseIncidentsFile(folder: string, incidents = INCIDENTS): string {
  let seed = 20250601;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = Array.from({ length: incidents }, (_, index) => {
    const connected = Date.UTC(2025, 5, 1) + Math.floor(random() * 29 * 86_400_000);
    const answered = connected + 3_000 + Math.floor(random() * 20_000);
    const deployed = answered + 30_000 + Math.floor(random() * 120_000);
    const arrived = deployed + 240_000 + Math.floor(random() * 1_500_000);
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    return `kent,BENCH-${index},EMERGENCY,${random() < 0.7 ? "URBAN" : "RURAL"},${iso(connected)},${iso(answered)},${iso(deployed)},${iso(arrived)}`;
  });
  const file = join(folder, "2025-06-kent-response-incidents.csv");
  writeFileSync(file, `${HEADER}\n${rows.join("\n")}\n`);
  return file;
}
