import { SIGNED_IN, type Role } from "../../shared/auth/viewer.ts";

/** Who may read what in this subgraph, in one place (the README's access table). Everything else is published aggregates, open to all. */
export const ACCESS = {
  /** Intervention watchlist alerts: signed-in roles; a FORCE user sees its own force's only. */
  alerts: SIGNED_IN,
  /** Vetting returns have no published national dataset: signed-in roles; a FORCE user its own force's only. */
  vetting: SIGNED_IN,
  /** Roles that see breakdowns by protected characteristic without small-count suppression. */
  unsuppressedBreakdowns: ["HOME_OFFICE"],
} satisfies Record<string, Role[]>;
