import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The server's side of SCRAM-SHA-256 (RFC 5802, RFC 7677), PostgreSQL's password exchange: the
 * password never crosses the connection, and the client checks that the server knows it too.
 * No channel binding: the server listens on the loopback interface, without TLS.
 */
export const SCRAM_SHA_256 = "SCRAM-SHA-256";

/** PostgreSQL's own default (scram_iterations). */
const ITERATIONS = 4096;

/** What the server keeps of the password: enough to check a proof, not enough to make one. */
export interface ScramVerifier {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest();

export function scramVerifier(password: string): ScramVerifier {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  return { salt, iterations: ITERATIONS, storedKey: sha256(hmac(salted, "Client Key")), serverKey: hmac(salted, "Server Key") };
}

/** `name=value` attributes of a SCRAM message, in order. */
function attributes(message: string): Map<string, string> {
  return new Map(message.split(",").map((part) => [part.slice(0, 1), part.slice(2)]));
}

/** One login's exchange: the client's first message, then its proof. Each step throws on a malformed message. */
export class ScramExchange {
  private clientFirstBare = "";
  private serverFirst = "";
  private nonce = "";
  private channelBinding = "";

  constructor(private readonly verifier: ScramVerifier) {}

  /** The server-first message answering the client-first one. */
  serverFirstMessage(clientFirst: string): string {
    const match = clientFirst.match(/^([ny]),,(.*)$/s);
    if (!match)
      throw new Error("SCRAM: the client asked for channel binding, which this server does not offer, or sent a malformed message");
    this.channelBinding = Buffer.from(`${match[1]},,`).toString("base64");
    this.clientFirstBare = match[2];
    const clientNonce = attributes(this.clientFirstBare).get("r");
    if (!clientNonce) throw new Error("SCRAM: the client's first message has no nonce");
    this.nonce = clientNonce + randomBytes(18).toString("base64");
    this.serverFirst = `r=${this.nonce},s=${this.verifier.salt.toString("base64")},i=${this.verifier.iterations}`;
    return this.serverFirst;
  }

  /** The server-final message when the client's proof shows it knows the password; undefined when it does not. */
  serverFinalMessage(clientFinal: string): string | undefined {
    const proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0) throw new Error("SCRAM: the client's final message has no proof");
    const withoutProof = clientFinal.slice(0, proofAt);
    const { storedKey, serverKey } = this.verifier;
    const fields = attributes(withoutProof);
    if (fields.get("r") !== this.nonce || fields.get("c") !== this.channelBinding) return undefined;
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), "base64");
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(storedKey, authMessage);
    if (proof.length !== signature.length) return undefined;
    const clientKey = Buffer.from(proof.map((byte, index) => byte ^ signature[index]));
    if (!timingSafeEqual(sha256(clientKey), storedKey)) return undefined;
    return `v=${hmac(serverKey, authMessage).toString("base64")}`;
  }
}
