import { createRoot } from "react-dom/client";
import { SignIn } from "../SignIn.tsx";
import { currentSession, type ExplorerOidc } from "../sign-in.ts";
import { TableTool } from "./TableTool.tsx";
import "./tables.css";

/** The table tool: choose measures, forces and periods, then a table, a chart, a CSV and a link, without writing GraphQL. */
async function explorerConfig(): Promise<{ oidc?: ExplorerOidc }> {
  const response = await fetch("/explorer/config.json");
  return response.ok ? ((await response.json()) as { oidc?: ExplorerOidc }) : {};
}

const { oidc } = await explorerConfig();
const session = currentSession();

createRoot(document.getElementById("root")!).render(
  <>
    <header>
      <span className="title">Police performance hub: table tool</span>
      <nav>
        <a href="/explorer/">Explorer (GraphQL)</a>
      </nav>
      <SignIn oidc={oidc} session={session} problem={undefined} />
    </header>
    <TableTool token={session?.token} />
  </>,
);
