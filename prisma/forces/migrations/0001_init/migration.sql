-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "forces";

-- CreateTable
CREATE TABLE "forces"."import_batch" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "rows_loaded" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'LOADED',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forces"."region" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forces"."force" (
    "id" TEXT NOT NULL,
    "gss_code" TEXT,
    "name" TEXT NOT NULL,
    "region_id" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "population_year" INTEGER NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "force_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forces"."force_alias" (
    "alias" TEXT NOT NULL,
    "force_id" TEXT NOT NULL,

    CONSTRAINT "force_alias_pkey" PRIMARY KEY ("alias")
);

-- CreateTable
CREATE TABLE "forces"."comparison_group" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "anchor_force_id" TEXT,
    "description" TEXT NOT NULL,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "comparison_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forces"."comparison_group_member" (
    "group_id" TEXT NOT NULL,
    "force_id" TEXT NOT NULL,

    CONSTRAINT "comparison_group_member_pkey" PRIMARY KEY ("group_id","force_id")
);

-- CreateTable
CREATE TABLE "forces"."governance" (
    "id" SERIAL NOT NULL,
    "force_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "batch_id" INTEGER NOT NULL,

    CONSTRAINT "governance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "region_name_key" ON "forces"."region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "force_gss_code_key" ON "forces"."force"("gss_code");

-- CreateIndex
CREATE INDEX "force_alias_force_id_idx" ON "forces"."force_alias"("force_id");

-- CreateIndex
CREATE INDEX "comparison_group_member_force_id_idx" ON "forces"."comparison_group_member"("force_id");

-- CreateIndex
CREATE INDEX "governance_force_id_idx" ON "forces"."governance"("force_id");

-- AddForeignKey
ALTER TABLE "forces"."force" ADD CONSTRAINT "force_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "forces"."region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forces"."force_alias" ADD CONSTRAINT "force_alias_force_id_fkey" FOREIGN KEY ("force_id") REFERENCES "forces"."force"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forces"."comparison_group_member" ADD CONSTRAINT "comparison_group_member_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "forces"."comparison_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forces"."comparison_group_member" ADD CONSTRAINT "comparison_group_member_force_id_fkey" FOREIGN KEY ("force_id") REFERENCES "forces"."force"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forces"."governance" ADD CONSTRAINT "governance_force_id_fkey" FOREIGN KEY ("force_id") REFERENCES "forces"."force"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
