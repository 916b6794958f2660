import type { Socket } from "node:net";
import type { SessionClient, SharedSession } from "./shared-session.ts";
import {
  authenticationOk,
  backendKeyData,
  completeLength,
  errorResponse,
  parameterStatus,
  readStartup,
  readyForQuery,
  searchPathOption,
} from "./wire.ts";

const TERMINATE = 0x58;
let nextClientId = 1;

/**
 * One client connection: its startup is answered here (trust, as the PostgreSQL of a development
 * machine; the server listens on the loopback interface only), every later message goes to the shared session.
 */
export function serveConnection(socket: Socket, session: SharedSession, serverParameters: [string, string][]): void {
  let buffer: Buffer = Buffer.alloc(0);
  let client: SessionClient | undefined;
  socket.setNoDelay(true);
  socket.on("error", () => socket.destroy());
  socket.on("close", () => client && session.unregister(client));
  socket.on("data", (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (let length = completeLength(buffer, !client); length > 0; length = completeLength(buffer, !client)) {
      const packet = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (!client) client = startUp(packet);
      else if (packet[0] === TERMINATE) socket.end();
      else session.submit(client, packet);
    }
  });

  function startUp(packet: Buffer): SessionClient | undefined {
    const startup = readStartup(packet);
    if (startup.kind === "encryption-request") socket.write("N");
    else if (startup.kind === "cancel") socket.end();
    else if (startup.kind === "unsupported") socket.end(errorResponse("08P01", `unsupported frontend protocol ${startup.code}`, "FATAL"));
    if (startup.kind !== "startup") return undefined;
    const started: SessionClient = {
      id: nextClientId++,
      searchPath: searchPathOption(startup.parameters.get("options")),
      listening: new Set(),
      send: (bytes) => void (socket.writable && socket.write(bytes)),
    };
    session.register(started);
    socket.write(
      Buffer.concat([
        authenticationOk(),
        ...serverParameters.map(([name, value]) => parameterStatus(name, value)),
        backendKeyData(started.id),
        readyForQuery("I"),
      ]),
    );
    return started;
  }
}
