import { Field, Int, ObjectType } from "type-graphql";
import { Coverage } from "../../shared/graphql/coverage.ts";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";

@ObjectType({
  description:
    "Misconduct under the Police (Conduct) Regulations 2020 over a period: cases by the day they were opened, proceedings and outcomes by the day proceedings were held. " +
    "Source: force misconduct submissions built on the Home Office tables.",
})
export class MisconductSummary extends PeriodSummary {
  @Field(() => Coverage, { description: "Months of the period the loaded case files cover (a file covers each force from its first case to its last). Counts over other months are missing, not zero." })
  coverage!: Coverage;

  @Field(() => Int, { nullable: true, description: "Cases (complaints, conduct matters, recordable conduct matters) opened in the period; null when no case file covers any of it." })
  casesOpened!: number | null;

  @Field(() => Int, { nullable: true, description: "Misconduct meetings, hearings and accelerated hearings held in the period." })
  proceedingsHeld!: number | null;

  @Field(() => Int, { nullable: true, description: "Misconduct meetings held (for misconduct that would at most justify a final written warning)." })
  misconductMeetings!: number | null;

  @Field(() => Int, { nullable: true, description: "Misconduct hearings held (possible gross misconduct)." })
  misconductHearings!: number | null;

  @Field(() => Int, { nullable: true, description: "Accelerated hearings held (evidence of gross misconduct beyond dispute)." })
  acceleratedHearings!: number | null;

  @Field(() => Int, { nullable: true, description: "Proceedings in the period that found gross misconduct." })
  grossMisconductFindings!: number | null;

  @Field(() => Int, { nullable: true, description: "Officers and staff dismissed without notice at proceedings in the period." })
  dismissals!: number | null;
}

@ObjectType({ description: "Vetting decisions over the returns whose period lies within the period (Vetting Code of Practice 2023). Source: force vetting returns." })
export class VettingSummary extends PeriodSummary {
  @Field(() => Int, { description: "Vetting applications decided (all levels)." })
  applications!: number;

  @Field(() => Int, { description: "Applications refused." })
  refusals!: number;

  @Field(() => Int, { description: "Renewals due in the period." })
  renewalsDue!: number;

  @Field(() => Int, { description: "Renewals overdue at the end of the period." })
  renewalsOverdue!: number;

  @Field(() => Coverage, { description: "Months of the period the loaded returns cover whole (a return is used only when its period lies within the one asked): partial when some are missing." })
  coverage!: Coverage;
}
