import { Directive, ObjectType } from "type-graphql";
import { MeasureFigure } from "./figure-types.ts";
import type { MeasureOwner } from "./owners.ts";

/**
 * Each owner's rows have a type of their own (hidden): stitching gateways (Hive Gateway) make the
 * type a @requires field returns canonical in its subgraph, and refuse a type canonical in several.
 */
function ownerFigure(name: string, owner: MeasureOwner) {
  @ObjectType(name, {
    description: `A row of a table as the ${owner} subgraph computes it (hidden: the public \`Figure\` adds the force and the measure).`,
  })
  @Directive("@shareable")
  @Directive("@inaccessible")
  class OwnerFigure extends MeasureFigure {}
  return OwnerFigure;
}

export const OWNER_FIGURES: Record<MeasureOwner, typeof MeasureFigure> = {
  "response-times": ownerFigure("ResponseTimesFigure", "response-times"),
  "crime-priorities": ownerFigure("CrimePrioritiesFigure", "crime-priorities"),
  workforce: ownerFigure("WorkforceFigure", "workforce"),
  misconduct: ownerFigure("MisconductFigure", "misconduct"),
};
