import { useState } from "react";
import { beginSignIn, keepSession, signOut, tokenSession, type ExplorerOidc, type SignedIn } from "./sign-in.ts";

interface SignInProps {
  oidc: ExplorerOidc | undefined;
  session: SignedIn | undefined;
  problem: string | undefined;
}

/** Pastes a hub token (from `npm run token` or an administrator) where no OpenID provider is configured. */
function UseToken({ onError }: { onError: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState("");
  if (!open)
    return (
      <button type="button" className="graphiql-button" onClick={() => setOpen(true)}>
        Use a token
      </button>
    );
  const use = () => {
    try {
      keepSession(tokenSession(token));
      window.location.reload();
    } catch (error) {
      onError((error as Error).message);
    }
  };
  return (
    <span className="hub-token">
      <label>
        Token{" "}
        <input
          aria-label="Token"
          type="password"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          onKeyDown={(event) => event.key === "Enter" && use()}
        />
      </label>{" "}
      <button type="button" className="graphiql-button" onClick={use}>
        Use
      </button>
    </span>
  );
}

/** Who is asking: the signed-in name and role, or a Sign in button (with an OpenID provider) or a "Use a token" control (without). */
export function SignIn({ oidc, session, problem }: SignInProps) {
  const [error, setError] = useState(problem);
  if (session) {
    return (
      <span className="hub-session">
        Signed in as <strong>{session.name}</strong> ({session.role}){" "}
        <button
          type="button"
          className="graphiql-button"
          onClick={() => {
            signOut();
            window.location.reload();
          }}
        >
          Sign out
        </button>
      </span>
    );
  }
  return (
    <span className="hub-session">
      {error && (
        <span role="alert" className="hub-warning">
          {error}{" "}
        </span>
      )}
      {oidc ? (
        <button
          type="button"
          className="graphiql-button"
          onClick={() => void beginSignIn(oidc).catch((reason: Error) => setError(reason.message))}
        >
          Sign in
        </button>
      ) : (
        <UseToken onError={setError} />
      )}
    </span>
  );
}
