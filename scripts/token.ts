/**
 * Mints a development token for the hub's gateway:
 *   npm run token -- --role HMICFRS [--force kent] [--subject name] [--hours 8]
 * It is signed with the same JWT secret the gateway uses (JWT_SECRET, or the one kept in the data folder).
 */
import { SignJWT } from "jose";
import { ROLES, type Role } from "../shared/auth/viewer.ts";
import { readConfig } from "../shared/config.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const role = option("role") as Role | undefined;
const forceId = option("force");
if (!role || !ROLES.includes(role) || role === "PUBLIC" || (role === "FORCE") !== Boolean(forceId)) {
  console.error(
    `usage: npm run token -- --role ${ROLES.filter((known) => known !== "PUBLIC").join("|")} [--force <id> (FORCE only)] [--subject name] [--hours 8]`,
  );
  process.exit(2);
}
const config = readConfig();
const token = await new SignJWT({ role, ...(forceId ? { forceId } : {}) })
  .setProtectedHeader({ alg: "HS256" })
  .setSubject(option("subject") ?? `dev-${role.toLowerCase()}`)
  .setAudience(config.jwtAudience)
  .setIssuer(config.jwtIssuer)
  .setIssuedAt()
  .setExpirationTime(`${Number(option("hours") ?? 8)}h`)
  .sign(new TextEncoder().encode(config.jwtSecret()));
console.log(token);
