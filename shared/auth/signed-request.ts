import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ROLES, type Viewer } from "./viewer.ts";

/** Headers the gateway adds to every subgraph call: the viewer's claims, when they were signed, and an HMAC over both and the body. */
export const CLAIMS_HEADER = "x-hub-claims";
export const TIMESTAMP_HEADER = "x-hub-timestamp";
export const SIGNATURE_HEADER = "x-hub-signature";
/** A signed request older than this is refused: a captured one cannot be replayed for long. */
export const SIGNATURE_MAX_AGE_MS = 30_000;

const bodyHash = (body: string | Buffer) => createHash("sha256").update(body).digest("hex");
const sign = (secret: string, claims: string, timestamp: string, body: string | Buffer) =>
  createHmac("sha256", secret)
    .update(`${timestamp}.${claims}.${bodyHash(body)}`)
    .digest("hex");

export function signRequest(secret: string, viewer: Viewer, body: string | Buffer, now = Date.now()): Record<string, string> {
  const claims = Buffer.from(JSON.stringify(viewer)).toString("base64url");
  const timestamp = String(now);
  return { [CLAIMS_HEADER]: claims, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(secret, claims, timestamp, body) };
}

/** The viewer of a correctly signed, fresh request; otherwise why it is refused. */
export function verifyRequest(
  secret: string,
  headers: Record<string, string | undefined>,
  body: Buffer,
  now = Date.now(),
): { viewer: Viewer } | { refused: string } {
  const claims = headers[CLAIMS_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (!claims || !timestamp || !signature) return { refused: "unsigned request" };
  const expected = Buffer.from(sign(secret, claims, timestamp, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { refused: "bad signature" };
  const age = now - Number(timestamp);
  if (!(age >= -5_000 && age <= SIGNATURE_MAX_AGE_MS)) return { refused: "stale signature" };
  const viewer = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as Viewer;
  return ROLES.includes(viewer.role) ? { viewer } : { refused: "unknown role" };
}
