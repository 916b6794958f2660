import { SIGNED_IN, type Role } from "../../shared/auth/viewer.ts";

/** Who may read what in this subgraph, in one place (the README's access table). Everything else is published aggregates, open to all. */
export const ACCESS = {
  /** Intervention watchlist alerts: signed-in roles; a FORCE user sees its own force's only. */
  alerts: SIGNED_IN,
} satisfies Record<string, Role[]>;
