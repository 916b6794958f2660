import { readFileSync } from "node:fs";
import { projectPath } from "../../../shared/project-path.ts";

/** A territorial force as the reference file lists it (source: data.police.uk ids, ONS GSS codes, 2011 census). */
export interface ReferenceForce {
  id: string;
  gssCode: string;
  name: string;
  region: string;
  country: string;
  population: number;
}

/** The 43 territorial forces of England and Wales, in the file's order. */
export function referenceForces(): ReferenceForce[] {
  const [header, ...lines] = readFileSync(projectPath("subgraphs/shared/reference/forces.csv"), "utf8").trim().split(/\r?\n/);
  if (header !== "slug,gss_code,name,region,country,population_2011") throw new Error("forces.csv: unexpected header");
  return lines.map((line) => {
    const [id, gssCode, name, region, country, population] = line.split(",");
    return { id, gssCode, name, region, country, population: Number(population) };
  });
}

/** Year of the census the reference populations come from. */
export const REFERENCE_POPULATION_YEAR = 2011;
