import { FieldReader } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { readTable } from "../../shared/ingest/source-records.ts";

export const COMPARISON_GROUPS_HEADER = ["Group id", "Group name", "Kind", "Anchor force", "Member force", "Description"];
const KINDS = ["MOST_SIMILAR", "CUSTOM"];

type MemberRow = [groupId: string, name: string, kind: string, anchorForceId: string | null, memberForceId: string, description: string];

/** Most similar groups and custom groups: one row per member; a later file replaces a group whole. */
export const comparisonGroupsImporter: Importer<MemberRow> = {
  kind: "comparison-groups",
  subgraph: "forces",
  description: "Comparison groups (most similar groups, custom groups), one row per member",
  matches: (fileName) => /\.csv$/i.test(fileName),
  read: (file, progress, options) => readTable(file, COMPARISON_GROUPS_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const groupId = reader.text("Group id");
    if (groupId && !/^[a-z0-9][a-z0-9-]*$/.test(groupId)) reader.fail("Group id", "use lower case letters, digits and hyphens", groupId);
    const name = reader.text("Group name");
    const kind = reader.text("Kind");
    if (kind && !KINDS.includes(kind)) reader.fail("Kind", `one of ${KINDS.join(", ")}`, kind);
    const anchorName = reader.text("Anchor force", { optional: true });
    const anchor = anchorName ? (forces.resolve(anchorName) ?? reader.fail("Anchor force", "unknown force", anchorName)) : null;
    if (kind === "MOST_SIMILAR" && !anchorName) reader.fail("Anchor force", "a most similar group needs the force it was drawn up for");
    const memberName = reader.text("Member force");
    const member = memberName ? (forces.resolve(memberName) ?? reader.fail("Member force", "unknown force", memberName)) : null;
    const description = reader.text("Description", { optional: true }) ?? "";
    if (reader.errors.length) return { errors: reader.errors };
    return { row: [groupId!, name!, kind!, anchor, member!, description] };
  },
  scopeOf: (row) => row[0],
  table: { table: "forces.comparison_group", periodOfRow: "NULL::date" },
  async replaceScopes(sql, scopes, batchId) {
    const rows = await sql.query<{ batch_id: number }>(
      `WITH gone AS (DELETE FROM forces.comparison_group WHERE id = ANY($1::text[]) AND batch_id <> $2 RETURNING batch_id) SELECT DISTINCT batch_id FROM gone`,
      [scopes, batchId],
    );
    return rows.map((row) => row.batch_id);
  },
  open: (sql, batchId) =>
    chunkWriter(async (rows) => {
      await sql.query(
        `INSERT INTO forces.comparison_group (id, name, kind, anchor_force_id, description, batch_id)
       SELECT DISTINCT ON (id) id, name, kind, anchor, description, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, name, kind, anchor, description)
       ON CONFLICT (id) DO NOTHING`,
        [
          rows.map((row) => row[0]),
          rows.map((row) => row[1]),
          rows.map((row) => row[2]),
          rows.map((row) => row[3]),
          rows.map((row) => row[5]),
          batchId,
        ],
      );
      await sql.query(
        `INSERT INTO forces.comparison_group_member (group_id, force_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        [rows.map((row) => row[0]), rows.map((row) => row[4])],
      );
    }),
};
