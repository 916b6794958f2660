import { diff, CriticalityLevel, type Change } from "@graphql-inspector/core";
import { Supergraph } from "@apollo/federation-internals";
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  printSchema,
  type GraphQLSchema,
} from "graphql";

/** What front-ends see: the supergraph without its federation machinery (join__ types and directives). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export const printApiSchema = (supergraphSdl: string) => printSchema(apiSchemaOf(supergraphSdl));

type Deprecatable = { deprecationReason?: string | null };
const deprecated = (thing: Deprecatable | undefined) => thing?.deprecationReason != null;

function fieldsOf(
  schema: GraphQLSchema,
  typeName: string,
): Record<string, Deprecatable & { args?: readonly (Deprecatable & { name: string })[] }> {
  const type = schema.getType(typeName);
  return type && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) ? type.getFields() : {};
}

/**
 * Whether the released schema deprecated what a change's path names: `Type.field`, an argument
 * `Type.field.argument` (or its field), an enum value `Enum.VALUE`, or a type whose every field
 * that returned it was deprecated.
 */
export function deprecatedInRelease(released: GraphQLSchema, path: string): boolean {
  const [typeName, member, argument] = path.split(".");
  if (member === undefined) {
    const returning = Object.values(released.getTypeMap()).flatMap((type) =>
      isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)
        ? Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields()).filter(
            (field) => getNamedType(field.type as GraphQLType).name === typeName,
          )
        : [],
    );
    return returning.length > 0 && returning.every(deprecated);
  }
  const type = released.getType(typeName);
  if (type && isEnumType(type)) return deprecated(type.getValue(member) ?? undefined);
  const field = fieldsOf(released, typeName)[member];
  return deprecated(field) || (argument !== undefined && deprecated(field?.args?.find((arg) => arg.name === argument)));
}

export interface SchemaCheck {
  /** Breaking changes to something the released schema had not deprecated: these fail the check. */
  refused: Change[];
  /** Breaking changes to what had been deprecated: allowed by the deprecation policy. */
  allowedAfterDeprecation: Change[];
  /** Changes a client may notice but that break no valid operation (e.g. a new enum value). */
  dangerous: Change[];
  safe: Change[];
}

export async function checkSchema(releasedSdl: string, currentSdl: string): Promise<SchemaCheck> {
  const [released, current] = [buildSchema(releasedSdl), buildSchema(currentSdl)];
  const changes = await diff(released, current);
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const covered = (change: Change) => change.path !== undefined && deprecatedInRelease(released, change.path);
  return {
    refused: breaking.filter((change) => !covered(change)),
    allowedAfterDeprecation: breaking.filter(covered),
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking),
  };
}
