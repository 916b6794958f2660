import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";

/** Bytes at the end of a chunk that may begin a UTF-8 character the next chunk completes (at most 3). */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) !== 0x80)
      return (byte & 0xe0) === 0xc0 && back < 2
        ? back
        : (byte & 0xf0) === 0xe0 && back < 3
          ? back
          : (byte & 0xf8) === 0xf0 && back < 4
            ? back
            : 0;
  }
  return 0;
}

/**
 * "utf-8" when every byte of the file is valid UTF-8, else "windows-1252": what Excel and older
 * Home Office tools write for "£" and curly quotes. One pass over the file at memory speed, so a
 * character is never read wrongly because it falls late in a file read as it streams.
 */
export async function textEncodingOf(file: string): Promise<"utf-8" | "windows-1252"> {
  let carried: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = carried.length ? Buffer.concat([carried, chunk]) : chunk;
    const tail = incompleteTail(bytes);
    if (!isUtf8(bytes.subarray(0, bytes.length - tail))) return "windows-1252";
    carried = bytes.subarray(bytes.length - tail);
  }
  return carried.length ? "windows-1252" : "utf-8";
}
