import { figureTableEntity, measureEntity } from "../../shared/figures/figure-entities.ts";

export const FigureTable = figureTableEntity({ officerStrengths: true });
export type FigureTable = InstanceType<typeof FigureTable>;

export const Measure = measureEntity();
export type Measure = InstanceType<typeof Measure>;
