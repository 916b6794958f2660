import { bulkInsert } from "../../shared/database/bulk-insert.ts";
import { FieldReader, hubDateBounds } from "../../shared/ingest/fields.ts";
import { chunkWriter, type Importer } from "../../shared/ingest/importer.ts";
import { monthScope, spanMonths } from "../../shared/ingest/scope.ts";
import { readTable } from "../../shared/ingest/source-records.ts";

export const MISCONDUCT_HEADER = [
  "force",
  "reference",
  "case_type",
  "subject_type",
  "subject_sex",
  "subject_ethnicity",
  "standard",
  "opened_on",
  "proceedings",
  "proceedings_on",
  "finding",
  "outcome",
  "closed_on",
];

const ALLOWED: Record<string, string[]> = {
  case_type: ["COMPLAINT", "CONDUCT_MATTER", "RECORDABLE_CONDUCT_MATTER"],
  subject_type: ["OFFICER", "STAFF", "SPECIAL"],
  standard: [
    "Honesty and integrity",
    "Authority, respect and courtesy",
    "Equality and diversity",
    "Use of force",
    "Orders and instructions",
    "Duties and responsibilities",
    "Confidentiality",
    "Fitness for duty",
    "Discreditable conduct",
    "Challenging and reporting improper conduct",
  ],
  proceedings: ["MISCONDUCT_MEETING", "MISCONDUCT_HEARING", "ACCELERATED_HEARING"],
  finding: ["MISCONDUCT", "GROSS_MISCONDUCT", "NOT_PROVEN"],
  outcome: [
    "NO_FURTHER_ACTION",
    "MANAGEMENT_ADVICE",
    "WRITTEN_WARNING",
    "FINAL_WRITTEN_WARNING",
    "REDUCTION_IN_RANK",
    "DISMISSAL_WITHOUT_NOTICE",
  ],
};

type CaseRow = (string | Date | null)[];

function oneOf(reader: FieldReader, column: string, optional = false): string | null {
  const value = reader.text(column, { optional });
  return value === null || ALLOWED[column].includes(value) ? value : reader.fail(column, `one of: ${ALLOWED[column].join(", ")}`, value);
}

/** The hub's misconduct case submission (Police (Conduct) Regulations 2020, Home Office table categories): one row per case. */
export const misconductCasesImporter: Importer<CaseRow> = {
  kind: "misconduct",
  subgraph: "misconduct",
  description: "Misconduct case submissions (hub format, README)",
  matches: (fileName) => /\.csv$/i.test(fileName),
  read: (file, progress, options) => readTable(file, MISCONDUCT_HEADER, progress, options),
  parse(fields, { file, line, forces }) {
    const reader = new FieldReader(fields, file, line);
    const bounds = hubDateBounds();
    const forceId = reader.force("force", forces);
    const reference = reader.text("reference");
    const [caseType, subjectType, standard] = ["case_type", "subject_type", "standard"].map((column) => oneOf(reader, column));
    const sex = reader.text("subject_sex");
    const ethnicity = reader.text("subject_ethnicity");
    const openedOn = reader.day("opened_on", bounds);
    const proceedings = oneOf(reader, "proceedings", true);
    const proceedingsOn = reader.text("proceedings_on", { optional: true }) ? reader.day("proceedings_on", bounds) : null;
    const finding = oneOf(reader, "finding", true);
    const outcome = oneOf(reader, "outcome", true);
    const closedOn = reader.text("closed_on", { optional: true }) ? reader.day("closed_on", bounds) : null;
    if (proceedings && !proceedingsOn) reader.fail("proceedings_on", "proceedings need the day they were held");
    if (openedOn && proceedingsOn && proceedingsOn < openedOn)
      reader.fail("proceedings_on", "before the case was opened", proceedingsOn.toISOString().slice(0, 10));
    return reader.result(() => [
      forceId,
      reference,
      caseType,
      subjectType,
      sex,
      ethnicity,
      standard,
      openedOn,
      proceedings,
      proceedingsOn,
      finding,
      outcome,
      closedOn,
    ]);
  },
  scopeOf: (row) => monthScope(row[0] as string, new Date(Date.UTC((row[7] as Date).getUTCFullYear(), (row[7] as Date).getUTCMonth(), 1))),
  coverageOf: spanMonths,
  table: {
    table: "misconduct.misconduct_case",
    periodOfRow: "date_trunc('month', t.opened_on)::date",
    replace: { rule: "outranked", measures: ["MISCONDUCT_CASES"] },
  },
  open: (sql, batchId) =>
    chunkWriter((rows) =>
      bulkInsert(
        sql,
        "misconduct.misconduct_case",
        {
          force_id: "text",
          reference: "text",
          case_type: "text",
          subject_type: "text",
          subject_sex: "text",
          subject_ethnicity: "text",
          standard: "text",
          opened_on: "date",
          proceedings: "text",
          proceedings_on: "date",
          finding: "text",
          outcome: "text",
          closed_on: "date",
          batch_id: "int",
        },
        rows.map((row) => [...row, batchId]),
      ),
    ),
};
