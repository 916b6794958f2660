-- AlterTable
ALTER TABLE "workforce"."workforce_record" ALTER COLUMN "headcount" DROP NOT NULL;

-- The rank table gives headcount and special constables beside FTE: it is the workforce source of
-- choice. The functions table (FTE only) answers for a snapshot the rank table does not cover.
UPDATE "workforce"."source_measure" SET precedence = 20, note = 'Home Office workforce open data: FTE and headcount by worker type, sex and rank, without functions.'
WHERE kind = 'ho-workforce' AND measure = 'WORKFORCE_FTE';
UPDATE "workforce"."source_measure" SET precedence = 10, note = 'Home Office workforce by function: FTE by worker type and function, no headcount or special constables.'
WHERE kind = 'ho-workforce-functions' AND measure = 'WORKFORCE_FTE';
