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
import { permalink, rememberInAddress, sharedOperation } from "./share-link.ts";
import { RunOnOpen } from "./RunOnOpen.tsx";
import { completeSignIn, currentSession, type ExplorerOidc, type SignedIn } from "./sign-in.ts";
import { SignIn } from "./SignIn.tsx";
import { TablePanel } from "./TablePanel.tsx";

/** The side panels a link can open, by their name in the address. */
const VIEWS: Record<string, string> = { table: "Table", chart: "Chart" };
const TableIcon = () => <span aria-hidden>▦</span>;
const ChartIcon = () => <span aria-hidden>▮</span>;
const PLUGINS: GraphiQLPlugin[] = [
  explorerPlugin({ showAttribution: false }),
  { title: "Table", icon: TableIcon, content: TablePanel },
  { title: "Chart", icon: ChartIcon, content: ChartPanel },
];

interface ExplorerConfig {
  oidc?: ExplorerOidc;
  /** "signed-in" in production: the public may run operations but not read the schema. */
  introspection?: "open" | "signed-in";
}

async function explorerConfig(): Promise<ExplorerConfig> {
  const response = await fetch(new URL("config.json", window.location.href));
  return response.ok ? ((await response.json()) as ExplorerConfig) : {};
}

/** Signs in on the way back from the provider; otherwise the session the browser already has (any tab's). */
async function signInState(oidc: ExplorerOidc | undefined): Promise<{ session?: SignedIn; problem?: string }> {
  if (!oidc) return { session: currentSession() };
  try {
    return { session: (await completeSignIn(oidc)) ?? currentSession() };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

const { oidc, introspection } = await explorerConfig();
const { session, problem } = await signInState(oidc);
/** Without a role that may read it, the schema is not asked for: the explorer opens usable, saying how to get it. */
const schemaHidden = introspection === "signed-in" && !session;
const shared = sharedOperation();
const fetcher = hubFetcher(new URL("/graphql", window.location.href).toString(), () => session?.token);

createRoot(document.getElementById("root")!).render(
  <GraphiQL
    fetcher={fetcher}
    {...(schemaHidden ? { schema: null } : {})}
    plugins={PLUGINS}
    defaultQuery={EXAMPLE_OPERATIONS}
    initialQuery={shared.query}
    initialVariables={shared.variables}
    onEditQuery={(query) => rememberInAddress({ query })}
    onEditVariables={(variables) => rememberInAddress({ variables })}
    visiblePlugin={shared.view ? VIEWS[shared.view] : undefined}
    onTogglePluginVisibility={(plugin) =>
      rememberInAddress({ view: Object.keys(VIEWS).find((view) => VIEWS[view] === plugin?.title) ?? "" })
    }
    defaultEditorToolsVisibility={shared.variables ? "variables" : false}
  >
    <GraphiQL.Logo>
      <span className="hub-title">Police performance hub</span>{" "}
      <a className="hub-link" href="/tables/">
        Table tool
      </a>{" "}
      <SignIn oidc={oidc} session={session} problem={problem} />
      <RunOnOpen enabled={shared.run === "1"} />
      {schemaHidden && (
        <span role="note" className="hub-note hub-schema-note">
          {" "}
          You can run the example operations as the public. {oidc ? "Sign in" : "Use a token"} to browse the schema, build queries by
          ticking fields and see restricted figures.
        </span>
      )}
    </GraphiQL.Logo>
    <GraphiQL.Toolbar>
      {({ prettify, copy, merge }) => (
        <>
          {prettify}
          {merge}
          {copy}
          <ToolbarButton label="Copy link to this query and view" onClick={() => void navigator.clipboard?.writeText(permalink())}>
            <span aria-hidden>🔗</span>
          </ToolbarButton>
        </>
      )}
    </GraphiQL.Toolbar>
  </GraphiQL>,
);
