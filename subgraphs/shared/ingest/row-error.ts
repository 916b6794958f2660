/** Why one row of a file could not be loaded: enough to find and fix it. */
export interface RowError {
  file: string;
  line: number;
  column?: string;
  value?: string;
  reason: string;
}

export const formatRowError = (error: RowError) =>
  `${error.file}:${error.line}${error.column ? ` [${error.column}]` : ""}${error.value !== undefined ? ` "${error.value}"` : ""}: ${error.reason}`;
