import { registerDescribedEnum } from "../../shared/graphql/described-enum.ts";

export enum IncidentGrade {
  EMERGENCY = "EMERGENCY",
  PRIORITY = "PRIORITY",
  SCHEDULED = "SCHEDULED",
  RESOLVED_WITHOUT_DEPLOYMENT = "RESOLVED_WITHOUT_DEPLOYMENT",
}
registerDescribedEnum(IncidentGrade, "IncidentGrade", "The national grades every force's incidents are mapped to.", {
  EMERGENCY: "Grade 1: an immediate response, measured against the national attendance standard.",
  PRIORITY: "Grade 2: a prompt response.",
  SCHEDULED: "Grade 3: a response at an agreed time.",
  RESOLVED_WITHOUT_DEPLOYMENT: "Resolved without sending anyone (by telephone or online).",
});

export enum AreaType {
  URBAN = "URBAN",
  RURAL = "RURAL",
}
registerDescribedEnum(AreaType, "AreaType", "Where the incident was, by the ONS rural-urban classification: it sets the emergency standard.", {
  URBAN: "An urban area: the emergency standard is 15 minutes.",
  RURAL: "A rural area: the emergency standard is 20 minutes.",
});
