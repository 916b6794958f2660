import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

const LENGTH_BYTES = 4;

/**
 * A file's checked rows, kept in a temporary file chunk by chunk (V8's serialisation, so dates and
 * numbers come back as they went in): a file is read and checked before its transaction opens, and
 * memory holds one chunk at a time however long the file.
 */
export interface RowSpill<Row> {
  append(rows: Row[]): Promise<void>;
  /** How many rows have been appended. */
  readonly rowCount: number;
  /** The chunks in the order appended; appending is over once this is called. */
  chunks(): AsyncIterable<Row[]>;
  remove(): Promise<void>;
}

export async function createRowSpill<Row>(): Promise<RowSpill<Row>> {
  const folder = await mkdtemp(join(tmpdir(), "hub-import-"));
  const path = join(folder, "rows.bin");
  const writing: FileHandle = await open(path, "w");
  let closed = false;
  let rowCount = 0;
  const closeWriting = async () => {
    if (!closed) await writing.close();
    closed = true;
  };
  return {
    get rowCount() {
      return rowCount;
    },
    append: async (rows) => {
      rowCount += rows.length;
      const body = serialize(rows);
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32LE(body.length);
      await writing.writev([length, body]);
    },
    chunks: async function* () {
      await closeWriting();
      const reading = await open(path, "r");
      try {
        const length = Buffer.alloc(LENGTH_BYTES);
        for (let at = 0; ;) {
          if ((await reading.read(length, 0, LENGTH_BYTES, at)).bytesRead < LENGTH_BYTES) return;
          const body = Buffer.alloc(length.readUInt32LE());
          await reading.read(body, 0, body.length, at + LENGTH_BYTES);
          at += LENGTH_BYTES + body.length;
          yield deserialize(body) as Row[];
        }
      } finally {
        await reading.close();
      }
    },
    remove: async () => {
      await closeWriting();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
