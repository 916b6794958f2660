-- CreateTable
CREATE TABLE "misconduct"."replaced_row" (
    "id" SERIAL NOT NULL,
    "table_name" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "replaced_by_batch_id" INTEGER NOT NULL,
    "row" JSONB NOT NULL,

    CONSTRAINT "replaced_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replaced_row_table_name_replaced_by_batch_id_idx" ON "misconduct"."replaced_row"("table_name", "replaced_by_batch_id");

-- misconduct_case as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "misconduct"."misconduct_case_as_published"(published_at timestamptz) RETURNS SETOF "misconduct"."misconduct_case" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "misconduct"."misconduct_case" t JOIN "misconduct".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"misconduct"."misconduct_case", r.row)).*
  FROM "misconduct".replaced_row r
  JOIN "misconduct".import_batch b ON b.id = r.batch_id
  JOIN "misconduct".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'misconduct_case' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;

-- vetting_return as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "misconduct"."vetting_return_as_published"(published_at timestamptz) RETURNS SETOF "misconduct"."vetting_return" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "misconduct"."vetting_return" t JOIN "misconduct".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"misconduct"."vetting_return", r.row)).*
  FROM "misconduct".replaced_row r
  JOIN "misconduct".import_batch b ON b.id = r.batch_id
  JOIN "misconduct".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'vetting_return' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;
