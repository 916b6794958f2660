import { GraphQLError } from "graphql";

/** Who may ask: the oversight bodies, a force (bound to its own id), or the public (no token). */
export const ROLES = ["HOME_OFFICE", "HMICFRS", "COLLEGE_OF_POLICING", "FORCE", "PUBLIC"] as const;
export type Role = (typeof ROLES)[number];

/** The verified claims of the person asking, as the gateway forwards them. */
export interface Viewer {
  subject: string;
  role: Role;
  /** The force a FORCE user belongs to. */
  forceId?: string;
}

export const PUBLIC_VIEWER: Viewer = { subject: "anonymous", role: "PUBLIC" };

export const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });

/** A FORCE user sees its own force only; other roles that reach a field see every force. */
export function assertCanSeeForce(viewer: Viewer, forceId: string): void {
  if (viewer.role === "FORCE" && viewer.forceId !== forceId)
    throw forbidden(`A FORCE user of ${viewer.forceId} may not read ${forceId}'s figures here`);
}

/** Every signed-in role: oversight bodies and forces (a FORCE user only for its own force). */
export const SIGNED_IN: Role[] = ["HOME_OFFICE", "HMICFRS", "COLLEGE_OF_POLICING", "FORCE"];
