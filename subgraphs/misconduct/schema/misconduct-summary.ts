import { Field, Int, ObjectType } from "type-graphql";
import { PeriodSummary } from "../../shared/graphql/period-summary.ts";

@ObjectType({
  description:
    "Misconduct under the Police (Conduct) Regulations 2020 over a period: cases by the day they were opened, proceedings and outcomes by the day proceedings were held. " +
    "Source: force misconduct submissions built on the Home Office tables.",
})
export class MisconductSummary extends PeriodSummary {
  @Field(() => Int, { description: "Cases (complaints, conduct matters, recordable conduct matters) opened in the period." })
  casesOpened!: number;

  @Field(() => Int, { description: "Misconduct meetings, hearings and accelerated hearings held in the period." })
  proceedingsHeld!: number;

  @Field(() => Int, { description: "Misconduct meetings held (for misconduct that would at most justify a final written warning)." })
  misconductMeetings!: number;

  @Field(() => Int, { description: "Misconduct hearings held (possible gross misconduct)." })
  misconductHearings!: number;

  @Field(() => Int, { description: "Accelerated hearings held (evidence of gross misconduct beyond dispute)." })
  acceleratedHearings!: number;

  @Field(() => Int, { description: "Proceedings in the period that found gross misconduct." })
  grossMisconductFindings!: number;

  @Field(() => Int, { description: "Officers and staff dismissed without notice at proceedings in the period." })
  dismissals!: number;
}

@ObjectType({ description: "Vetting decisions over the returns whose period starts within the period (Vetting Code of Practice 2023). Source: force vetting returns." })
export class VettingSummary extends PeriodSummary {
  @Field(() => Int, { description: "Vetting applications decided (all levels)." })
  applications!: number;

  @Field(() => Int, { description: "Applications refused." })
  refusals!: number;

  @Field(() => Int, { description: "Renewals due in the period." })
  renewalsDue!: number;

  @Field(() => Int, { description: "Renewals overdue at the end of the period." })
  renewalsOverdue!: number;
}
