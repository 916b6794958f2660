-- CreateTable
CREATE TABLE "crime_priorities"."replaced_row" (
    "id" SERIAL NOT NULL,
    "table_name" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "replaced_by_batch_id" INTEGER NOT NULL,
    "row" JSONB NOT NULL,

    CONSTRAINT "replaced_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replaced_row_table_name_replaced_by_batch_id_idx" ON "crime_priorities"."replaced_row"("table_name", "replaced_by_batch_id");

-- recorded_offence as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "crime_priorities"."recorded_offence_as_published"(published_at timestamptz) RETURNS SETOF "crime_priorities"."recorded_offence" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "crime_priorities"."recorded_offence" t JOIN "crime_priorities".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"crime_priorities"."recorded_offence", r.row)).*
  FROM "crime_priorities".replaced_row r
  JOIN "crime_priorities".import_batch b ON b.id = r.batch_id
  JOIN "crime_priorities".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'recorded_offence' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;

-- offence_outcome as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "crime_priorities"."offence_outcome_as_published"(published_at timestamptz) RETURNS SETOF "crime_priorities"."offence_outcome" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "crime_priorities"."offence_outcome" t JOIN "crime_priorities".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"crime_priorities"."offence_outcome", r.row)).*
  FROM "crime_priorities".replaced_row r
  JOIN "crime_priorities".import_batch b ON b.id = r.batch_id
  JOIN "crime_priorities".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'offence_outcome' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;

-- stop_search as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "crime_priorities"."stop_search_as_published"(published_at timestamptz) RETURNS SETOF "crime_priorities"."stop_search" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "crime_priorities"."stop_search" t JOIN "crime_priorities".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"crime_priorities"."stop_search", r.row)).*
  FROM "crime_priorities".replaced_row r
  JOIN "crime_priorities".import_batch b ON b.id = r.batch_id
  JOIN "crime_priorities".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'stop_search' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;
