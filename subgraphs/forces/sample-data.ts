import type { SqlClient } from "../shared/database/open.ts";
import { bulkInsert } from "../shared/database/bulk-insert.ts";
import { normaliseForceName } from "../shared/reference/force-alias.ts";
import { REFERENCE_POPULATION_YEAR, referenceForces, type ReferenceForce } from "../shared/reference/forces.ts";

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Spellings other publications use, beyond the official name, id and GSS code. */
const EXTRA_ALIASES: Record<string, string[]> = {
  "city-of-london": ["London, City of", "City of London"],
  "devon-and-cornwall": ["Devon & Cornwall"],
  hampshire: ["Hampshire and Isle of Wight", "Hampshire & IOW"],
  metropolitan: ["Metropolitan Police", "Metropolitan Police Service", "Met"],
  "dyfed-powys": ["Dyfed Powys"],
  "avon-and-somerset": ["Avon & Somerset"],
};

/** Real arrangements since the first PCC elections (22 Nov 2012); as data, so they can change. */
function governanceRows(force: ReferenceForce): { kind: string; title: string; from: string; to: string | null }[] {
  const pcc = (from: string, to: string | null = null) => ({ kind: "PCC", title: `Police and Crime Commissioner for ${force.name.replace(/ (Police|Constabulary)$/, "")}`, from, to });
  switch (force.id) {
    case "metropolitan":
      return [{ kind: "NONE", title: "No PCC: the Mayor's Office for Policing and Crime (London)", from: "2012-01-16", to: null }];
    case "city-of-london":
      return [{ kind: "NONE", title: "No PCC: the City of London Corporation is the police authority", from: "2012-11-22", to: null }];
    case "greater-manchester":
      return [pcc("2012-11-22", "2017-05-07"), { kind: "MAYOR", title: "Mayor of Greater Manchester", from: "2017-05-08", to: null }];
    case "west-yorkshire":
      return [pcc("2012-11-22", "2021-05-09"), { kind: "MAYOR", title: "Mayor of West Yorkshire", from: "2021-05-10", to: null }];
    case "north-yorkshire":
      return [pcc("2012-11-22", "2024-05-06"), { kind: "MAYOR", title: "Mayor of York and North Yorkshire", from: "2024-05-07", to: null }];
    default:
      return [pcc("2012-11-22")];
  }
}

/**
 * Most similar groups are the Home Office's, and no machine-readable list is published;
 * the sample stands in with the seven forces nearest in population, said so in each group.
 */
function syntheticMostSimilarGroups(forces: ReferenceForce[]) {
  return forces.map((anchor) => {
    const peers = forces
      .filter((other) => other.id !== anchor.id)
      .sort((a, b) => Math.abs(Math.log(a.population / anchor.population)) - Math.abs(Math.log(b.population / anchor.population)))
      .slice(0, 7);
    return { id: `msg-${anchor.id}`, anchor, members: [anchor, ...peers] };
  });
}

export async function seedForces(sql: SqlClient, batchId: number): Promise<number> {
  const forces = referenceForces();
  const regions = [...new Map(forces.map((force) => [force.region, force.country])).entries()];
  let rows = await bulkInsert(sql, "forces.region", { id: "text", name: "text", country: "text" }, regions.map(([name, country]) => [slug(name), name, country]));
  rows += await bulkInsert(
    sql,
    "forces.force",
    { id: "text", gss_code: "text", name: "text", region_id: "text", country: "text", population: "int", population_year: "int", batch_id: "int" },
    forces.map((force) => [force.id, force.gssCode, force.name, slug(force.region), force.country, force.population, REFERENCE_POPULATION_YEAR, batchId]),
  );
  const aliases = new Map<string, string>();
  for (const force of forces) {
    for (const name of [force.name, force.id, force.gssCode, ...(EXTRA_ALIASES[force.id] ?? [])]) aliases.set(normaliseForceName(name), force.id);
  }
  rows += await bulkInsert(sql, "forces.force_alias", { alias: "text", force_id: "text" }, [...aliases.entries()]);
  rows += await bulkInsert(
    sql,
    "forces.governance",
    { force_id: "text", kind: "text", title: "text", valid_from: "date", valid_to: "date", batch_id: "int" },
    forces.flatMap((force) => governanceRows(force).map((term) => [force.id, term.kind, term.title, term.from, term.to, batchId])),
  );
  const groups = syntheticMostSimilarGroups(forces);
  rows += await bulkInsert(
    sql,
    "forces.comparison_group",
    { id: "text", name: "text", kind: "text", anchor_force_id: "text", description: "text", batch_id: "int" },
    groups.map((group) => [
      group.id,
      `Most similar group: ${group.anchor.name}`,
      "MOST_SIMILAR",
      group.anchor.id,
      "SYNTHETIC sample: the seven forces nearest in population, standing in for the Home Office list until it is loaded.",
      batchId,
    ]),
  );
  rows += await bulkInsert(
    sql,
    "forces.comparison_group_member",
    { group_id: "text", force_id: "text" },
    groups.flatMap((group) => group.members.map((member) => [group.id, member.id])),
  );
  return rows;
}
