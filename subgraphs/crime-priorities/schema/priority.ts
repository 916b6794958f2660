import { registerDescribedEnum } from "../../shared/graphql/described-enum.ts";

export enum CrimePriority {
  VAWG = "VAWG",
  KNIFE_CRIME = "KNIFE_CRIME",
  CSA = "CSA",
}
registerDescribedEnum(CrimePriority, "CrimePriority", "The crime priorities the hub reports on, each a flag on recorded offences.", {
  VAWG: "Violence against women and girls.",
  KNIFE_CRIME: "Offences involving a knife or sharp instrument (the Home Office flag: possession of a blade, offence 10D, is recorded but not flagged).",
  CSA: "Child sexual abuse.",
});
