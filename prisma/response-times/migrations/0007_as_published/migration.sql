-- CreateTable
CREATE TABLE "response_times"."replaced_row" (
    "id" SERIAL NOT NULL,
    "table_name" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "replaced_by_batch_id" INTEGER NOT NULL,
    "row" JSONB NOT NULL,

    CONSTRAINT "replaced_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replaced_row_table_name_replaced_by_batch_id_idx" ON "response_times"."replaced_row"("table_name", "replaced_by_batch_id");

-- incident as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "response_times"."incident_as_published"(published_at timestamptz) RETURNS SETOF "response_times"."incident" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "response_times"."incident" t JOIN "response_times".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"response_times"."incident", r.row)).*
  FROM "response_times".replaced_row r
  JOIN "response_times".import_batch b ON b.id = r.batch_id
  JOIN "response_times".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'incident' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;

-- calls_999_month as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "response_times"."calls_999_month_as_published"(published_at timestamptz) RETURNS SETOF "response_times"."calls_999_month" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "response_times"."calls_999_month" t JOIN "response_times".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"response_times"."calls_999_month", r.row)).*
  FROM "response_times".replaced_row r
  JOIN "response_times".import_batch b ON b.id = r.batch_id
  JOIN "response_times".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'calls_999_month' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;
