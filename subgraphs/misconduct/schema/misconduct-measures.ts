import { ObjectType } from "type-graphql";
import { ForceMeasures } from "../../shared/measures/force-measures.ts";
import type { ComparisonForce } from "../comparisons.ts";

@ObjectType({ description: "A force's misconduct measures over a period: comparisons with national, region and most similar group, and the watchlist alerts they trigger." })
export class MisconductMeasures extends ForceMeasures<ComparisonForce> {}
