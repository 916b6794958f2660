import type { SqlClient } from "../../shared/database/open.ts";
import { RECORDED_OFFENCE } from "./recorded-offence-table.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import type { Importer } from "../../shared/ingest/importer.ts";
import { monthScope } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";
import { outsideFileMonth } from "../../shared/ingest/file-month.ts";
import { STREET_MONTHS } from "../plausibility.ts";

export const STREET_HEADER = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Crime type",
  "Last outcome category",
  "Context",
];
const ANTI_SOCIAL_BEHAVIOUR = "Anti-social behaviour";
/** Street data sits beside recorded crime from other sources: a street file replaces only street files. */

type StreetRow = [forceId: string, month: Date, crimeType: string];

/**
 * data.police.uk street-level crime: one row per crime, counted into recorded offences by force,
 * month and crime type, with offence group and flags from crime_type_mapping. Anti-social behaviour
 * (no Crime ID) is not recorded crime and is skipped, counted as such.
 */
export const policeUkStreetImporter: Importer<StreetRow, Set<string>> = {
  kind: "police-uk-street",
  subgraph: "crime-priorities",
  description: "data.police.uk street-level crime CSV (single files or the YYYY-MM/YYYY-MM-<force>-street.csv archive)",
  matches: (fileName) => /-street\.csv$/i.test(fileName),
  read: (file, progress, options) => readTable(file, STREET_HEADER, progress, options),
  prepare: async (sql) =>
    new Set(
      (
        await sql.query<{ crime_type: string }>("SELECT crime_type FROM crime_priorities.crime_type_mapping WHERE source = 'police-uk'")
      ).map((row) => row.crime_type),
    ),
  parse(fields, { file, line, forces, lookup: mappedCrimeTypes }) {
    const reader = new FieldReader(fields, file, line);
    const crimeType = reader.text("Crime type");
    const forceId = reader.force("Falls within", forces);
    const month = reader.month("Month", hubDateBounds());
    const fileMonth = outsideFileMonth(file, month);
    if (fileMonth) reader.fail("Month", `outside the file's month ${fileMonth}`, reader.text("Month"));
    const antiSocial = crimeType === ANTI_SOCIAL_BEHAVIOUR;
    if (crimeType && !antiSocial && !mappedCrimeTypes.has(crimeType))
      reader.fail("Crime type", "crime type with no mapping in crime_type_mapping", crimeType);
    // Anti-social behaviour rows are checked like the rest, then skipped: they are not recorded crime.
    if (antiSocial && !reader.errors.length) return { skip: "anti-social behaviour: not recorded crime" };
    return reader.result(() => [forceId!, month!, crimeType!]);
  },
  scopeOf: (row) => monthScope(row[0], row[1]),
  plausibility: STREET_MONTHS,
  table: RECORDED_OFFENCE,
  open(sql: SqlClient, batchId) {
    // Crimes are counted as they stream past; the counts (force × month × type) are written once.
    const counts = new Map<string, [string, string, string, number]>();
    const monthIds = new Map<Date, string>();
    return {
      write: async (rows: StreetRow[]) => {
        for (const [forceId, month, crimeType] of rows) {
          const monthId = monthIds.get(month) ?? monthIds.set(month, month.toISOString().slice(0, 10)).get(month)!;
          const key = `${forceId}|${monthId}|${crimeType}`;
          const existing = counts.get(key);
          if (existing) existing[3]++;
          else counts.set(key, [forceId, monthId, crimeType, 1]);
        }
      },
      finish: async () => {
        const tallies = [...counts.values()];
        await sql.query(
          `INSERT INTO crime_priorities.recorded_offence (force_id, month, period_end, offence_code, offence_description, offence_group, vawg, knife_crime, csa, offences, batch_id)
           SELECT t.force_id, t.month, (t.month + interval '1 month - 1 day')::date, 'police-uk:' || t.crime_type, t.crime_type, m.offence_group, m.vawg, m.knife_crime, m.csa, t.offences, $5
           FROM unnest($1::text[], $2::date[], $3::text[], $4::int[]) AS t(force_id, month, crime_type, offences)
           JOIN crime_priorities.crime_type_mapping m ON m.source = 'police-uk' AND m.crime_type = t.crime_type`,
          [
            tallies.map((tally) => tally[0]),
            tallies.map((tally) => tally[1]),
            tallies.map((tally) => tally[2]),
            tallies.map((tally) => tally[3]),
            batchId,
          ],
        );
      },
    };
  },
};
