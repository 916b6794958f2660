import type { Express } from "express";
import type { PrismaClient } from "../../prisma/generated/forces/client.ts";

/**
 * POST /audit: the gateway's audit records, already signed by it like every call here. A batch
 * is one statement that PostgreSQL unpacks itself (jsonb_to_recordset): at a thousand cached
 * answers a second, building one parameter per field in the query compiler cost more CPU than
 * answering the requests did.
 */
export function auditIntake(app: Express, prisma: PrismaClient) {
  app.post("/audit", async (request, response) => {
    const records: unknown = request.body;
    if (!Array.isArray(records)) {
      response.status(400).json({ errors: [{ message: "Expected an array of audit records", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    await prisma.$executeRaw`
      INSERT INTO forces.audit_entry (at, subject, role, operation_name, document_sha256, variables, outcome, error_codes)
      SELECT record.at, record.subject, record.role, record."operationName", record."documentSha256", record.variables, record.outcome,
             ARRAY(SELECT jsonb_array_elements_text(record."errorCodes"))
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS record(
        at timestamptz, subject text, role text, "operationName" text, "documentSha256" text, variables jsonb, outcome text, "errorCodes" jsonb)`;
    response.status(204).end();
  });
}
