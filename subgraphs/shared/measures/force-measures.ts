import { ObjectType } from "type-graphql";
import { PeriodSummary } from "../graphql/period-summary.ts";
import type { Period } from "../graphql/period.ts";

/**
 * A force's comparisons and alerts over a period, as one object per subgraph rather than list fields
 * on Force: stitching gateways (Hive Gateway) refuse a value type that several subgraphs share when
 * a @requires field returns it directly, so MeasureComparison and WatchlistAlert sit one level down.
 */
@ObjectType()
export abstract class ForceMeasures<ComparisonForce> extends PeriodSummary {
  force!: ComparisonForce;
  period!: Period;
}
