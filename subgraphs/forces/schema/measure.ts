import { Directive, Field, ObjectType } from "type-graphql";
import { MeasureCatalogueEntry } from "../../shared/figures/figure-types.ts";
import { MeasureId } from "../../shared/figures/measure-id.ts";

@ObjectType({ description: "A measure the hub serves: its definition, unit, precision and the periods it has data for. The subgraph that owns its data defines it; this entity lists them all." })
@Directive('@key(fields: "id")')
export class Measure {
  @Field(() => MeasureId, { description: "The measure's id: what `figures` and the league tables take." })
  id!: MeasureId;

  @Directive("@external")
  @Field(() => MeasureCatalogueEntry, { nullable: true, description: "The response-times subgraph's definition, when the measure is its own." })
  responseTimesDefinition?: MeasureCatalogueEntry | null;

  @Directive("@external")
  @Field(() => MeasureCatalogueEntry, { nullable: true, description: "The crime-priorities subgraph's definition, when the measure is its own." })
  crimePrioritiesDefinition?: MeasureCatalogueEntry | null;

  @Directive("@external")
  @Field(() => MeasureCatalogueEntry, { nullable: true, description: "The workforce subgraph's definition, when the measure is its own." })
  workforceDefinition?: MeasureCatalogueEntry | null;

  @Directive("@external")
  @Field(() => MeasureCatalogueEntry, { nullable: true, description: "The misconduct subgraph's definition, when the measure is its own." })
  misconductDefinition?: MeasureCatalogueEntry | null;
}
