import { useSyncExternalStore } from "react";

/** The latest answer the explorer received (not its schema introspection): what the table and chart show. */
export interface Answer {
  data?: unknown;
  errors?: { message: string }[];
}

let latest: Answer | undefined;
const listeners = new Set<() => void>();

export function recordAnswer(answer: Answer): void {
  latest = answer;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export const useLatestAnswer = () => useSyncExternalStore(subscribe, () => latest);
