import { Directive, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { MeasureCatalogueEntry, MeasurePeriods } from "../../shared/figures/figure-types.ts";
import { MeasureId } from "../../shared/figures/measure-id.ts";
import { OWNER_DEFINITIONS } from "../../shared/figures/selections.ts";
import { Direction } from "../../shared/measures/ranking.ts";
import { Measure } from "../schema/measure.ts";

/** The owner's definition: exactly one subgraph sets it. */
function definitionOf(measure: Measure): MeasureCatalogueEntry {
  const entry =
    measure.responseTimesDefinition ?? measure.crimePrioritiesDefinition ?? measure.workforceDefinition ?? measure.misconductDefinition;
  if (!entry) throw new Error(`no subgraph defines the measure ${measure.id}`);
  return entry;
}

const requiresDefinitions = () => Directive(`@requires(fields: "${OWNER_DEFINITIONS}")`);

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => [Measure], {
    description:
      "Every measure the hub serves (the catalogue a table is built from), in the order of `MeasureId`: definition, unit, precision, sources and the periods with data.",
  })
  measures(): Measure[] {
    return Object.values(MeasureId).map((id) => ({ id }));
  }

  @FieldResolver(() => String, { description: "Name of the measure, e.g. `Emergency attendance, 90th percentile`." })
  @requiresDefinitions()
  name(@Root() measure: Measure) {
    return definitionOf(measure).name;
  }

  @FieldResolver(() => String, { description: "Unit of its values, e.g. `minutes`, `share (0-1)`, `offences per 1,000 residents`." })
  @requiresDefinitions()
  unit(@Root() measure: Measure) {
    return definitionOf(measure).unit;
  }

  @FieldResolver(() => Int, { description: "Decimal places every value is given to, in JSON and CSV alike." })
  @requiresDefinitions()
  precision(@Root() measure: Measure) {
    return definitionOf(measure).precision;
  }

  @FieldResolver(() => Direction, { description: "Whether a higher or a lower value ranks first." })
  @requiresDefinitions()
  direction(@Root() measure: Measure) {
    return definitionOf(measure).direction;
  }

  @FieldResolver(() => String, {
    description: "How the value of a group of forces (region, most similar group, national) is formed from its members.",
  })
  @requiresDefinitions()
  groupValue(@Root() measure: Measure) {
    return definitionOf(measure).groupValue;
  }

  @FieldResolver(() => String, { description: "The definition: what is counted, from which source, and what is left out." })
  @requiresDefinitions()
  definition(@Root() measure: Measure) {
    return definitionOf(measure).definition;
  }

  @FieldResolver(() => Boolean, {
    description:
      "True for a measure taken at snapshot days (the workforce: use interval SNAPSHOT for each day), false for one counted over months.",
  })
  @requiresDefinitions()
  snapshot(@Root() measure: Measure) {
    return definitionOf(measure).snapshot;
  }

  @FieldResolver(() => [String], {
    description: "Kinds of file able to give it (`hub import <kind>`), and `sample` for the synthetic sample.",
  })
  @requiresDefinitions()
  sourceKinds(@Root() measure: Measure) {
    return definitionOf(measure).sourceKinds;
  }

  @FieldResolver(() => MeasurePeriods, {
    description: "The days it has data for: first and last, and every snapshot day for snapshot measures.",
  })
  @requiresDefinitions()
  periods(@Root() measure: Measure) {
    return definitionOf(measure).periods;
  }
}

export const resolveMeasureReference = (reference: Record<string, unknown>) => (typeof reference.id === "string" ? reference : null);
