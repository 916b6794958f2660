import { registerEnumType } from "type-graphql";

/** Registers an enum with a description for the type and for every value: the schema is the API's documentation. */
export function registerDescribedEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description: string,
  valueDescriptions: Record<keyof E, string>,
): void {
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries(valueDescriptions).map(([value, text]) => [value, { description: text }])) as Partial<
      Record<keyof E, { description: string }>
    >,
  });
}
