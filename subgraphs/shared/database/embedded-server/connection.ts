import type { Socket } from "node:net";
import { SCRAM_SHA_256, ScramExchange, type ScramVerifier } from "./scram.ts";
import type { SessionClient, SharedSession } from "./shared-session.ts";
import {
  authenticationOk,
  authenticationSasl,
  authenticationSaslContinue,
  authenticationSaslFinal,
  backendKeyData,
  completeLength,
  errorResponse,
  parameterStatus,
  readStartup,
  readyForQuery,
  saslInitialResponse,
  saslResponse,
  searchPathOption,
} from "./wire.ts";

const TERMINATE = 0x58;
const PASSWORD_MESSAGE = 0x70;
let nextClientId = 1;

/** The one login the server accepts: its user and database, and what it keeps of the password. */
export interface Login {
  user: string;
  database: string;
  verifier: ScramVerifier;
}

type Phase =
  | { name: "startup" }
  | { name: "sasl-initial"; parameters: Map<string, string> }
  | { name: "sasl-final"; parameters: Map<string, string>; exchange: ScramExchange }
  | { name: "ready"; client: SessionClient };

const loginFailed = (user: string) => errorResponse("28P01", `password authentication failed for user "${user}"`, "FATAL");

/**
 * One client connection: its startup and login are answered here (SCRAM-SHA-256 with the hub's
 * password, as a PostgreSQL server that requires one), every later message goes to the shared session.
 */
export function serveConnection(socket: Socket, session: SharedSession, serverParameters: [string, string][], login: Login): void {
  let buffer: Buffer = Buffer.alloc(0);
  let phase: Phase = { name: "startup" };
  socket.setNoDelay(true);
  socket.on("error", () => socket.destroy());
  socket.on("close", () => phase.name === "ready" && session.unregister(phase.client));
  socket.on("data", (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (
      let length = completeLength(buffer, phase.name === "startup");
      length > 0;
      length = completeLength(buffer, phase.name === "startup")
    ) {
      const packet = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (phase.name === "ready") {
        if (packet[0] === TERMINATE) socket.end();
        else session.submit(phase.client, packet);
      } else phase = authenticate(packet, phase);
    }
  });

  const refuse = (bytes: Buffer): Phase => {
    socket.end(bytes);
    return { name: "startup" };
  };

  function authenticate(packet: Buffer, current: Exclude<Phase, { name: "ready" }>): Phase {
    if (socket.writableEnded) return current;
    if (current.name === "startup") return startUp(packet);
    if (packet[0] !== PASSWORD_MESSAGE) return refuse(errorResponse("08P01", "expected a SASL response during login", "FATAL"));
    try {
      return current.name === "sasl-initial" ? firstStep(packet, current.parameters) : finalStep(packet, current);
    } catch (error) {
      return refuse(errorResponse("08P01", (error as Error).message, "FATAL"));
    }
  }

  function startUp(packet: Buffer): Phase {
    const startup = readStartup(packet);
    if (startup.kind === "encryption-request") socket.write("N");
    else if (startup.kind === "cancel") socket.end();
    else if (startup.kind === "unsupported") socket.end(errorResponse("08P01", `unsupported frontend protocol ${startup.code}`, "FATAL"));
    if (startup.kind !== "startup") return { name: "startup" };
    const user = startup.parameters.get("user") ?? "";
    if (user !== login.user) return refuse(loginFailed(user));
    const database = startup.parameters.get("database") || user;
    if (database !== login.database) return refuse(errorResponse("3D000", `database "${database}" does not exist`, "FATAL"));
    socket.write(authenticationSasl(SCRAM_SHA_256));
    return { name: "sasl-initial", parameters: startup.parameters };
  }

  function firstStep(packet: Buffer, parameters: Map<string, string>): Phase {
    const { mechanism, data } = saslInitialResponse(packet);
    if (mechanism !== SCRAM_SHA_256) return refuse(errorResponse("28000", `SASL mechanism ${mechanism} is not offered`, "FATAL"));
    const exchange = new ScramExchange(login.verifier);
    socket.write(authenticationSaslContinue(exchange.serverFirstMessage(data)));
    return { name: "sasl-final", parameters, exchange };
  }

  function finalStep(packet: Buffer, { parameters, exchange }: { parameters: Map<string, string>; exchange: ScramExchange }): Phase {
    const serverFinal = exchange.serverFinalMessage(saslResponse(packet));
    if (!serverFinal) return refuse(loginFailed(login.user));
    const id = nextClientId++;
    const client: SessionClient = {
      id,
      name: `connection ${id} (${parameters.get("application_name") || "no application_name"}, from port ${socket.remotePort})`,
      searchPath: searchPathOption(parameters.get("options")),
      listening: new Set(),
      send: (bytes) => void (socket.writable && socket.write(bytes)),
      close: (bytes) => socket.end(bytes, () => socket.destroy()),
    };
    session.register(client);
    socket.write(
      Buffer.concat([
        authenticationSaslFinal(serverFinal),
        authenticationOk(),
        ...serverParameters.map(([name, value]) => parameterStatus(name, value)),
        backendKeyData(client.id),
        readyForQuery("I"),
      ]),
    );
    return { name: "ready", client };
  }
}
