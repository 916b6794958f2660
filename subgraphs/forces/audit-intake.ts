import type { Express } from "express";
import type { PrismaClient } from "../../prisma/generated/forces/client.ts";

interface AuditRecord {
  at: string;
  subject: string;
  role: string;
  operationName: string | null;
  documentSha256: string;
  variables: unknown;
  outcome: string;
  errorCodes: string[];
}

/** POST /audit: the gateway's audit records, already signed by it like every call here. */
export function auditIntake(app: Express, prisma: PrismaClient) {
  app.post("/audit", async (request, response) => {
    const records = request.body as AuditRecord[];
    if (!Array.isArray(records)) {
      response.status(400).json({ errors: [{ message: "Expected an array of audit records", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    await prisma.auditEntry.createMany({
      data: records.map((record) => ({
        at: new Date(record.at),
        subject: String(record.subject),
        role: String(record.role),
        operationName: record.operationName,
        documentSha256: String(record.documentSha256),
        variables: (record.variables ?? undefined) as never,
        outcome: String(record.outcome),
        errorCodes: record.errorCodes.map(String),
      })),
    });
    response.status(204).end();
  });
}
