import { registerEnumType } from "type-graphql";

export enum IncidentGrade {
  EMERGENCY = "EMERGENCY",
  PRIORITY = "PRIORITY",
  SCHEDULED = "SCHEDULED",
  RESOLVED_WITHOUT_DEPLOYMENT = "RESOLVED_WITHOUT_DEPLOYMENT",
}
registerEnumType(IncidentGrade, {
  name: "IncidentGrade",
  description: "The national grades every force's incidents are mapped to: emergency (grade 1), priority (2), scheduled (3), resolved without deployment.",
});

export enum AreaType {
  URBAN = "URBAN",
  RURAL = "RURAL",
}
registerEnumType(AreaType, { name: "AreaType", description: "Where the incident was, by the ONS rural-urban classification: it sets the emergency standard (15 min urban, 20 min rural)." });
