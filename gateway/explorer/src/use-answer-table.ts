import { useMemo, useState } from "react";
import { allLists, outermostLists, tableOf, type AnswerTable } from "../../answer-table/answer-table.ts";
import { useLatestAnswer } from "./answer-store.ts";

/** The latest answer's lists, the one chosen (the first outermost list until the analyst picks another) and its table. */
export function useAnswerTable(): { lists: string[]; list: string | undefined; choose(list: string): void; table: AnswerTable | undefined; hasErrors: boolean } {
  const answer = useLatestAnswer();
  const [chosen, choose] = useState<string>();
  return useMemo(() => {
    const lists = answer?.data ? allLists(answer.data) : [];
    const list = chosen && lists.includes(chosen) ? chosen : outermostLists(answer?.data)[0];
    return { lists, list, choose, table: list ? tableOf(answer!.data, list) : undefined, hasErrors: !!answer?.errors?.length };
  }, [answer, chosen]);
}
