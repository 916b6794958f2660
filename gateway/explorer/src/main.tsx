import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import "./explorer.css";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { ToolbarButton, type GraphiQLPlugin } from "@graphiql/react";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import { ChartPanel } from "./ChartPanel.tsx";
import { EXAMPLE_OPERATIONS } from "./example-operations.ts";
import { hubFetcher } from "./fetcher.ts";
import { rememberInAddress, sharedOperation } from "./share-link.ts";
import { completeSignIn, currentSession, type ExplorerOidc, type SignedIn } from "./sign-in.ts";
import { SignIn } from "./SignIn.tsx";
import { TablePanel } from "./TablePanel.tsx";

const TableIcon = () => <span aria-hidden>▦</span>;
const ChartIcon = () => <span aria-hidden>▮</span>;
const PLUGINS: GraphiQLPlugin[] = [
  explorerPlugin({ showAttribution: false }),
  { title: "Table", icon: TableIcon, content: TablePanel },
  { title: "Chart", icon: ChartIcon, content: ChartPanel },
];

async function explorerConfig(): Promise<{ oidc?: ExplorerOidc }> {
  const response = await fetch(new URL("config.json", window.location.href));
  return response.ok ? ((await response.json()) as { oidc?: ExplorerOidc }) : {};
}

/** Signs in on the way back from the provider; otherwise the session this tab already has. */
async function signInState(oidc: ExplorerOidc | undefined): Promise<{ session?: SignedIn; problem?: string }> {
  if (!oidc) return {};
  try {
    return { session: (await completeSignIn(oidc)) ?? currentSession() };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

const { oidc } = await explorerConfig();
const { session, problem } = await signInState(oidc);
const shared = sharedOperation();
const fetcher = hubFetcher(new URL("/graphql", window.location.href).toString(), () => session?.token);

createRoot(document.getElementById("root")!).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={PLUGINS}
    defaultQuery={EXAMPLE_OPERATIONS}
    initialQuery={shared.query}
    initialVariables={shared.variables}
    onEditQuery={(query) => rememberInAddress({ query })}
    onEditVariables={(variables) => rememberInAddress({ variables })}
    defaultEditorToolsVisibility={shared.variables ? "variables" : false}
  >
    <GraphiQL.Logo>
      <span className="hub-title">Police performance hub</span> <SignIn oidc={oidc} session={session} problem={problem} />
    </GraphiQL.Logo>
    <GraphiQL.Toolbar>
      {({ prettify, copy, merge }) => (
        <>
          {prettify}
          {merge}
          {copy}
          <ToolbarButton label="Copy link to this query" onClick={() => void navigator.clipboard?.writeText(window.location.href)}>
            <span aria-hidden>🔗</span>
          </ToolbarButton>
        </>
      )}
    </GraphiQL.Toolbar>
  </GraphiQL>,
);
