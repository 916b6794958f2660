import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "One operation the gateway answered. HOME_OFFICE only." })
export class AuditEntry {
  @Field(() => ID, { description: "The audit entry." })
  id!: string;

  @Field(() => DateTimeResolver, { description: "When it was answered." })
  at!: Date;

  @Field(() => String, { description: "Who asked: the token's subject, or anonymous." })
  subject!: string;

  @Field(() => String, { description: "The role they asked as." })
  role!: string;

  @Field(() => String, { nullable: true, description: "The operation's name as the client sent it; null for an anonymous operation." })
  operationName!: string | null;

  @Field(() => String, { description: "SHA-256 of the GraphQL document." })
  documentSha256!: string;

  @Field(() => JSONResolver, { nullable: true, description: "Variables, with anything named like a secret redacted." })
  variables!: unknown;

  @Field(() => String, { description: "OK, PARTIAL (data with errors) or ERROR." })
  outcome!: string;

  @Field(() => [String], { description: "Error codes returned, if any." })
  errorCodes!: string[];
}
