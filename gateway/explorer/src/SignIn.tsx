import { useState } from "react";
import { beginSignIn, signOut, type ExplorerOidc, type SignedIn } from "./sign-in.ts";

interface SignInProps {
  oidc: ExplorerOidc | undefined;
  session: SignedIn | undefined;
  problem: string | undefined;
}

/** Who is asking: a sign-in button (when an OpenID provider is configured), or the signed-in name and role. */
export function SignIn({ oidc, session, problem }: SignInProps) {
  const [error, setError] = useState(problem);
  if (!oidc) return null;
  if (session) {
    return (
      <span className="hub-session">
        Signed in as <strong>{session.name}</strong> ({session.role}){" "}
        <button type="button" className="graphiql-button" onClick={() => { signOut(); window.location.reload(); }}>Sign out</button>
      </span>
    );
  }
  return (
    <span className="hub-session">
      {error && <span role="alert" className="hub-warning">{error} </span>}
      <button type="button" className="graphiql-button" onClick={() => beginSignIn(oidc).catch((reason: Error) => setError(reason.message))}>Sign in</button>
    </span>
  );
}
