import { registerEnumType } from "type-graphql";

export enum CrimePriority {
  VAWG = "VAWG",
  KNIFE_CRIME = "KNIFE_CRIME",
  CSA = "CSA",
}
registerEnumType(CrimePriority, {
  name: "CrimePriority",
  description:
    "VAWG: violence against women and girls; KNIFE_CRIME: offences involving a knife or sharp instrument (the Home Office flag: " +
    "possession of a blade, offence 10D, is recorded but not flagged); CSA: child sexual abuse.",
});
