import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ForceOfficerStrength } from "../graphql/force-officer-strength.ts";
import { ForcePopulation } from "../graphql/force-population.ts";
import { ForceGroups } from "./figure-types.ts";
import { MeasureId } from "./measure-id.ts";

/**
 * The FigureTable entity as a measure-owning subgraph sees it: its key, and what it needs from other
 * subgraphs to form group values (the forces' groups and populations; officer strengths for rates per
 * officer). Each subgraph makes its own class, since type-graphql attaches field resolvers to a class.
 */
export function figureTableEntity(options: { officerStrengths?: boolean } = {}) {
  @ObjectType({ description: "A table of figures: rows of one force's value of one measure over one period." })
  @Directive('@key(fields: "id")')
  class FigureTable {
    @Field(() => ID, { description: "The request the table answers, as a key." })
    id!: string;

    @Directive("@external")
    @Field(() => [ForceGroups], { description: "The groups of the forces asked for (owned by the forces subgraph)." })
    forceGroups!: ForceGroups[];

    @Directive("@external")
    @Field(() => [ForcePopulation], { description: "Every force's population (owned by the forces subgraph)." })
    forcePopulations!: ForcePopulation[];

    forceOfficerStrengths?: ForceOfficerStrength[];
  }
  if (options.officerStrengths) {
    Directive("@external")(FigureTable.prototype, "forceOfficerStrengths");
    Field(() => [ForceOfficerStrength], { description: "Every force's officer strength (owned by the workforce subgraph)." })(
      FigureTable.prototype,
      "forceOfficerStrengths",
    );
  }
  return FigureTable;
}

/** The Measure entity as a measure-owning subgraph sees it: its key only. */
export function measureEntity() {
  @ObjectType({ description: "A measure the hub serves." })
  @Directive('@key(fields: "id")')
  class Measure {
    @Field(() => MeasureId, { description: "The measure's id." })
    id!: MeasureId;
  }
  return Measure;
}

/** What an owner's rows need from the forces subgraph: each force's groups and every force's population. */
export const ROWS_REQUIRE =
  "forceGroups { forceId regionForceIds mostSimilarGroupForceIds } forcePopulations { forceId population estimates { year population } }";
