-- CreateTable
CREATE TABLE "workforce"."replaced_row" (
    "id" SERIAL NOT NULL,
    "table_name" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "replaced_by_batch_id" INTEGER NOT NULL,
    "row" JSONB NOT NULL,

    CONSTRAINT "replaced_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replaced_row_table_name_replaced_by_batch_id_idx" ON "workforce"."replaced_row"("table_name", "replaced_by_batch_id");

-- workforce_record as published at an instant: rows of loads finished by then, including rows a later revision has since replaced
CREATE FUNCTION "workforce"."workforce_record_as_published"(published_at timestamptz) RETURNS SETOF "workforce"."workforce_record" LANGUAGE sql STABLE AS $$
  SELECT t.* FROM "workforce"."workforce_record" t JOIN "workforce".import_batch b ON b.id = t.batch_id WHERE b.finished_at <= published_at
  UNION ALL
  SELECT (jsonb_populate_record(NULL::"workforce"."workforce_record", r.row)).*
  FROM "workforce".replaced_row r
  JOIN "workforce".import_batch b ON b.id = r.batch_id
  JOIN "workforce".import_batch replacing ON replacing.id = r.replaced_by_batch_id
  WHERE r.table_name = 'workforce_record' AND b.finished_at <= published_at AND replacing.finished_at > published_at
$$;
