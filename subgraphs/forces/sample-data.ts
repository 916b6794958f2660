import type { SqlClient } from "../shared/database/open.ts";
import { bulkInsert } from "../shared/database/bulk-insert.ts";
import { referenceForces, type ReferenceForce } from "../shared/reference/forces.ts";

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

/** The sample's stand-in most similar groups: the only synthetic part of the forces subgraph. */
export async function seedForces(sql: SqlClient, batchId: number): Promise<number> {
  const groups = syntheticMostSimilarGroups(referenceForces());
  let rows = await bulkInsert(
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
