import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import { badArgument } from "../../../shared/graphql/errors.ts";
import { ACCESS } from "../access.ts";
import type { ForcesContext } from "../loaders.ts";
import { AuditEntry } from "../schema/audit-entry.ts";

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEntry], { nullable: true, description: "The audit log of operations, newest first. HOME_OFFICE only." })
  @Authorized(...ACCESS.auditLog)
  async auditLog(
    @Arg("limit", () => Int, { defaultValue: 100, description: "At most this many entries (1-1000)." }) limit: number,
    @Arg("subject", () => String, { nullable: true, description: "Only this subject's operations." }) subject: string | null,
    @Ctx() { prisma }: ForcesContext,
  ) {
    if (limit < 1 || limit > 1_000) throw badArgument("limit", "between 1 and 1000");
    const entries = await prisma.auditEntry.findMany({ where: subject ? { subject } : {}, orderBy: { id: "desc" }, take: limit });
    return entries.map((entry) => ({ ...entry, id: String(entry.id) }));
  }
}
