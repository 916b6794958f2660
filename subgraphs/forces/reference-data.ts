import type { SqlClient } from "../shared/database/open.ts";
import { bulkInsert } from "../shared/database/bulk-insert.ts";
import { normaliseForceName } from "../shared/reference/force-alias.ts";
import { REFERENCE_POPULATION_YEAR, referenceForces, type ReferenceForce } from "../shared/reference/forces.ts";

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

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
  const pcc = (from: string, to: string | null = null) => ({
    kind: "PCC",
    title: `Police and Crime Commissioner for ${force.name.replace(/ (Police|Constabulary)$/, "")}`,
    from,
    to,
  });
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
 * The 43 forces, their regions, the names and codes other sources use for them, and governance:
 * reference data, not a load. Seeded at every start whatever else is loaded; rows already there stay.
 */
export async function seedForcesReference(sql: SqlClient): Promise<void> {
  const forces = referenceForces();
  const regions = [...new Map(forces.map((force) => [force.region, force.country])).entries()];
  await bulkInsert(
    sql,
    "forces.region",
    { id: "text", name: "text", country: "text" },
    regions.map(([name, country]) => [slug(name), name, country]),
    { keepExisting: true },
  );
  await bulkInsert(
    sql,
    "forces.force",
    { id: "text", gss_code: "text", name: "text", region_id: "text", country: "text", population: "int", population_year: "int" },
    forces.map((force) => [
      force.id,
      force.gssCode,
      force.name,
      slug(force.region),
      force.country,
      force.population,
      REFERENCE_POPULATION_YEAR,
    ]),
    { keepExisting: true },
  );
  const aliases = new Map<string, string>();
  for (const force of forces) {
    for (const name of [force.name, force.id, force.gssCode, ...(EXTRA_ALIASES[force.id] ?? [])])
      aliases.set(normaliseForceName(name), force.id);
  }
  await bulkInsert(sql, "forces.force_alias", { alias: "text", force_id: "text" }, [...aliases.entries()], { keepExisting: true });
  const governed = new Set(
    (await sql.query<{ force_id: string }>("SELECT DISTINCT force_id FROM forces.governance")).map((row) => row.force_id),
  );
  await bulkInsert(
    sql,
    "forces.governance",
    { force_id: "text", kind: "text", title: "text", valid_from: "date", valid_to: "date" },
    forces
      .filter((force) => !governed.has(force.id))
      .flatMap((force) => governanceRows(force).map((term) => [force.id, term.kind, term.title, term.from, term.to])),
  );
}
