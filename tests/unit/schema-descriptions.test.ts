import { readFileSync } from "node:fs";
import { parse, type DefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../../shared/config.ts";

/** Every type, field, argument and enum value a subgraph declares, without a description (the root Query type aside: type-graphql cannot describe it). */
function undescribed(definition: DefinitionNode): string[] {
  if (definition.kind === "EnumTypeDefinition") {
    return [
      ...(definition.description ? [] : [definition.name.value]),
      ...(definition.values ?? []).filter((value) => !value.description).map((value) => `${definition.name.value}.${value.name.value}`),
    ];
  }
  if (
    definition.kind !== "ObjectTypeDefinition" &&
    definition.kind !== "ObjectTypeExtension" &&
    definition.kind !== "InputObjectTypeDefinition"
  )
    return [];
  const type = definition.name.value;
  const own = definition.kind === "ObjectTypeDefinition" && type !== "Query" && !definition.description ? [type] : [];
  return [
    ...own,
    ...(definition.fields ?? []).flatMap((field) => [
      ...(field.description ? [] : [`${type}.${field.name.value}`]),
      ...("arguments" in field ? (field.arguments ?? []) : [])
        .filter((argument) => !argument.description)
        .map((argument) => `${type}.${field.name.value}(${argument.name.value})`),
    ]),
  ];
}

describe("the schema documents itself", () => {
  it.each(SUBGRAPH_NAMES)("describes every type, field, argument and enum value of the %s subgraph", (name) => {
    const document = parse(readFileSync(`schema/${name}.graphql`, "utf8"));
    expect(document.definitions.flatMap(undescribed)).toEqual([]);
  });
});
