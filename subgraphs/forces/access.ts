import type { Role } from "../../shared/auth/viewer.ts";

/** Who may read what in this subgraph, in one place (the README's access table). Everything else is reference data, open to all. */
export const ACCESS = {
  auditLog: ["HOME_OFFICE"],
} satisfies Record<string, Role[]>;
