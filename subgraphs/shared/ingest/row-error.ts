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

const MAX_VALUE_CHARACTERS = 80;

/**
 * A value as an error may quote it: control and other unprintable characters escaped (a binary
 * file must not write raw bytes to a terminal) and cut to a readable length, saying how long it was.
 */
export function readableValue(value: string): string {
  const escaped = [...value.slice(0, MAX_VALUE_CHARACTERS * 4)]
    .map((character) =>
      /[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(character) && character !== "\uFFFD"
        ? character
        : `\\u{${character.codePointAt(0)!.toString(16)}}`,
    )
    .join("");
  return value.length <= MAX_VALUE_CHARACTERS && escaped.length <= MAX_VALUE_CHARACTERS
    ? escaped
    : `${escaped.slice(0, MAX_VALUE_CHARACTERS)}… (${value.length.toLocaleString("en-GB")} characters)`;
}

export const readableError = (error: RowError): RowError =>
  error.value === undefined ? error : { ...error, value: readableValue(error.value) };
