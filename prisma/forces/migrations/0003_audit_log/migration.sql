-- CreateTable
CREATE TABLE "forces"."audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "subject" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "operation_name" TEXT,
    "document_sha256" TEXT NOT NULL,
    "variables" JSONB,
    "outcome" TEXT NOT NULL,
    "error_codes" TEXT[],

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "forces"."audit_entry"("at");
