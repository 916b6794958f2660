import type { AuthChecker } from "type-graphql";
import { forbidden, type Role, type Viewer } from "../../../shared/auth/viewer.ts";

/** `@Authorized(...roles)`: the viewer's role must be one of them; a refusal is FORBIDDEN for that field alone. */
export const authChecker: AuthChecker<{ viewer: Viewer }, Role> = ({ context, info }, roles) => {
  if (roles.includes(context.viewer.role)) return true;
  throw forbidden(`${info.parentType.name}.${info.fieldName} is not open to the ${context.viewer.role} role`);
};
