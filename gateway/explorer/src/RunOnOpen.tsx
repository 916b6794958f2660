import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import { useEffect, useRef } from "react";

/** Runs the operation once, as soon as the editor holds it: a shared link opens on its answer, not on an empty response. */
export function RunOnOpen({ enabled }: { enabled: boolean }) {
  const editor = useGraphiQL((state) => state.queryEditor);
  const actions = useGraphiQLActions();
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || done.current || !editor) return;
    done.current = true;
    actions.run();
  }, [enabled, editor, actions]);
  return null;
}
