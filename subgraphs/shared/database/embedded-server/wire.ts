/** The few parts of PostgreSQL's frontend/backend protocol (v3) the embedded server reads or writes itself. */

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSS_ENCRYPTION_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export type StartupPacket =
  | { kind: "startup"; parameters: Map<string, string> }
  | { kind: "encryption-request" }
  | { kind: "cancel" }
  | { kind: "unsupported"; code: number };

/** The length of the first complete message in `buffer`, or 0 while it is incomplete; `startup` packets carry no type byte. */
export function completeLength(buffer: Buffer, startup: boolean): number {
  const header = startup ? 4 : 5;
  if (buffer.length < header) return 0;
  const length = startup ? buffer.readInt32BE(0) : 1 + buffer.readInt32BE(1);
  return buffer.length >= length ? length : 0;
}

export function readStartup(packet: Buffer): StartupPacket {
  const code = packet.readInt32BE(4);
  if (code === SSL_REQUEST || code === GSS_ENCRYPTION_REQUEST) return { kind: "encryption-request" };
  if (code === CANCEL_REQUEST) return { kind: "cancel" };
  if (code !== PROTOCOL_3) return { kind: "unsupported", code };
  const fields = packet.subarray(8).toString("utf8").split("\0");
  const parameters = new Map<string, string>();
  for (let index = 0; index + 1 < fields.length && fields[index]; index += 2) parameters.set(fields[index], fields[index + 1]);
  return { kind: "startup", parameters };
}

/** `search_path` from the startup `options` parameter (`-c search_path=x`), as pg passes it; undefined when absent. */
export function searchPathOption(options: string | undefined): string | undefined {
  return options?.match(/(?:-c\s*|--)search_path=(\S+)/)?.[1];
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const cstring = (text: string) => Buffer.from(`${text}\0`, "utf8");
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};

export const authenticationOk = () => message("R", int32(0));
/** AuthenticationSASL: the mechanisms offered, each a string, then an empty one. */
export const authenticationSasl = (mechanism: string) => message("R", Buffer.concat([int32(10), cstring(mechanism), Buffer.from([0])]));
export const authenticationSaslContinue = (data: string) => message("R", Buffer.concat([int32(11), Buffer.from(data, "utf8")]));
export const authenticationSaslFinal = (data: string) => message("R", Buffer.concat([int32(12), Buffer.from(data, "utf8")]));
export const parameterStatus = (name: string, value: string) => message("S", Buffer.concat([cstring(name), cstring(value)]));
export const backendKeyData = (processId: number) => message("K", Buffer.concat([int32(processId), int32(0)]));
export const readyForQuery = (status: TransactionStatus) => message("Z", Buffer.from(status, "latin1"));
export const commandComplete = (tag: string) => message("C", cstring(tag));
export const sync = () => message("S", Buffer.alloc(0));
export const simpleQuery = (text: string) => message("Q", cstring(text));
export function errorResponse(code: string, text: string, severity: "ERROR" | "FATAL" = "ERROR"): Buffer {
  return message(
    "E",
    Buffer.concat([cstring(`S${severity}`), cstring(`V${severity}`), cstring(`C${code}`), cstring(`M${text}`), Buffer.from([0])]),
  );
}

/** I idle, T in a transaction, E in a failed transaction. */
export type TransactionStatus = "I" | "T" | "E";

export interface BackendMessage {
  type: string;
  bytes: Buffer;
}

/** Splits a backend's output into its messages (PGlite answers each frontend message with whole messages). */
export function backendMessages(output: Uint8Array): BackendMessage[] {
  const buffer = Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  const messages: BackendMessage[] = [];
  for (let offset = 0; offset + 5 <= buffer.length;) {
    const length = 1 + buffer.readInt32BE(offset + 1);
    messages.push({ type: String.fromCharCode(buffer[offset]), bytes: buffer.subarray(offset, offset + length) });
    offset += length;
  }
  return messages;
}

/** The channel a NotificationResponse ('A') is for. */
export const notificationChannel = (notification: Buffer) => notification.subarray(9, notification.indexOf(0, 9)).toString("utf8");

/** SASLInitialResponse ('p'): the mechanism the client chose and its first message. */
export function saslInitialResponse(packet: Buffer): { mechanism: string; data: string } {
  const end = packet.indexOf(0, 5);
  const length = packet.readInt32BE(end + 1);
  return {
    mechanism: packet.subarray(5, end).toString("utf8"),
    data: length < 0 ? "" : packet.subarray(end + 5, end + 5 + length).toString("utf8"),
  };
}

/** SASLResponse ('p'): the client's next message of the exchange. */
export const saslResponse = (packet: Buffer) => packet.subarray(5).toString("utf8");

/** The text of a simple Query ('Q') message. */
export const queryText = (query: Buffer) => query.subarray(5, query.length - 1).toString("utf8");

/** `LISTEN x` / `UNLISTEN x` / `UNLISTEN *` in a simple query: what a connection asks to hear. */
export function listenCommand(text: string): { listen: boolean; channel: string } | undefined {
  const match = text.match(/^\s*(UN)?LISTEN\s+(?:"([^"]+)"|([\w*]+))\s*;?\s*$/i);
  return match ? { listen: !match[1], channel: match[2] ?? match[3] } : undefined;
}
