/**
 * RFC 4180 records from text arriving in chunks, fast: a line without quotes is split on commas;
 * quoted cells (with commas, doubled quotes or line breaks inside) are read character by character.
 * Lines end in LF, CRLF or CR alone, as the file's first line break shows.
 * csv-parse managed about 250,000 rows a second here, too slow to keep up with COPY.
 */
export interface CsvRecord {
  /** Line the record starts on (1-based). */
  line: number;
  cells: string[];
}

function splitQuoted(text: string): string[] {
  const cells: string[] = [];
  let index = 0;
  while (index <= text.length) {
    if (text[index] !== '"') {
      const comma = text.indexOf(",", index);
      const end = comma === -1 ? text.length : comma;
      cells.push(text.slice(index, end));
      index = end + 1;
      continue;
    }
    let cell = "";
    let from = index + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) {
        cell += text.slice(from);
        index = text.length;
        break;
      }
      cell += text.slice(from, quote);
      if (text[quote + 1] === '"') {
        cell += '"';
        from = quote + 2;
      } else {
        index = quote + 1;
        break;
      }
    }
    const comma = text.indexOf(",", index);
    cell += text.slice(index, comma === -1 ? text.length : comma);
    cells.push(cell);
    index = comma === -1 ? text.length + 1 : comma + 1;
  }
  return cells;
}

const quoteCount = (text: string) => {
  let count = 0;
  for (let index = text.indexOf('"'); index !== -1; index = text.indexOf('"', index + 1)) count++;
  return count;
};

/**
 * How a file ends its lines, from its first line break: LF or CRLF (the CR is dropped with the line),
 * or CR alone (Excel for Mac's "CSV"), read by turning every CR into LF. Undecided while the text
 * so far has no line break, or ends on a CR whose next character has not arrived.
 */
function lineEndsOf(text: string): "lf" | "cr" | undefined {
  const match = /[\r\n]/.exec(text);
  if (!match) return undefined;
  if (match[0] === "\n") return "lf";
  if (match.index === text.length - 1) return undefined;
  return text[match.index + 1] === "\n" ? "lf" : "cr";
}

export class CsvRecordReader {
  private rest = "";
  private pending: string | null = null;
  private pendingLine = 0;
  private line = 0;
  private lineEnds: "lf" | "cr" | undefined;

  /** Records completed by this chunk of text. */
  push(chunk: string): CsvRecord[] {
    const text = this.rest + chunk;
    this.lineEnds ??= lineEndsOf(text);
    if (this.lineEnds === undefined) {
      this.rest = text;
      return [];
    }
    const lines = (this.lineEnds === "cr" ? text.replaceAll("\r", "\n") : text).split("\n");
    this.rest = lines.pop()!;
    const records: CsvRecord[] = [];
    for (const raw of lines) this.take(raw, records);
    return records;
  }

  /** The last records; throws when the file ends inside a quoted cell. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = this.lineEnds === undefined && this.rest.endsWith("\r") ? this.push("\n") : [];
    if (this.rest) this.take(this.rest, records);
    this.rest = "";
    if (this.pending !== null) {
      const line = this.pendingLine;
      this.pending = null;
      throw Object.assign(new Error(`unclosed quote in the record starting on line ${line}`), { line });
    }
    return records;
  }

  private take(raw: string, records: CsvRecord[]) {
    this.line++;
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (this.pending !== null) {
      this.pending += `\n${text}`;
      if (quoteCount(this.pending) % 2 === 1) return;
      records.push({ line: this.pendingLine, cells: splitQuoted(this.pending) });
      this.pending = null;
      return;
    }
    if (text === "") return;
    if (text.indexOf('"') === -1) {
      records.push({ line: this.line, cells: text.split(",") });
    } else if (quoteCount(text) % 2 === 1) {
      this.pending = text;
      this.pendingLine = this.line;
    } else {
      records.push({ line: this.line, cells: splitQuoted(text) });
    }
  }
}

/** A whole CSV text as rows of cells (blank lines skipped), read as the importers read files. */
export function csvRows(text: string): string[][] {
  const reader = new CsvRecordReader();
  return [...reader.push(text), ...reader.end()].map((record) => record.cells);
}
