import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import { EXAMPLE_OPERATIONS } from "./example-operations.ts";

const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).toString() });

createRoot(document.getElementById("root")!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE_OPERATIONS} defaultEditorToolsVisibility={false} />,
);
