import { useMemo, useState } from "react";
import { allLists, outermostLists, tableOf, type AnswerTable } from "../../answer-table/answer-table.ts";
import { useLatestAnswer } from "./answer-store.ts";
import { rememberInAddress, sharedOperation } from "./share-link.ts";

/** The latest answer's lists, the one chosen (the first outermost list until the analyst picks another) and its table. */
export function useAnswerTable(): {
  lists: string[];
  list: string | undefined;
  choose: (list: string) => void;
  table: AnswerTable | undefined;
  hasErrors: boolean;
} {
  const answer = useLatestAnswer();
  // The list a shared link named, until the analyst picks another; the pick goes into the address.
  const [chosen, setChosen] = useState<string | undefined>(() => sharedOperation().list);
  const choose = (list: string) => {
    setChosen(list);
    rememberInAddress({ list });
  };
  return useMemo(() => {
    const lists = answer?.data ? allLists(answer.data) : [];
    const list = chosen && lists.includes(chosen) ? chosen : outermostLists(answer?.data)[0];
    return { lists, list, choose, table: list ? tableOf(answer!.data, list) : undefined, hasErrors: !!answer?.errors?.length };
  }, [answer, chosen]);
}
