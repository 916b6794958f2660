import { useEffect, useState } from "react";
import { ask } from "./ask.ts";
import { addressOf, choicesFromAddress, describeForces, variablesOf, type Choices, type ForceChoice } from "./choices.ts";
import { defaultSpan, ForceChooser, MeasureChooser, PeriodChooser } from "./choosers.tsx";
import { definitionsCsv, download, figuresCsv } from "./csv.ts";
import { FigureChart } from "./FigureChart.tsx";
import { MeasureTable, type ReferenceRow } from "./FigureTableView.tsx";
import { registeredText, TABLE_CATALOGUE, TABLE_FIGURES } from "./operations.ts";
import { intervalsFor } from "./periods.ts";
import type { Catalogue, FigureAnswer } from "./types.ts";

const groupValue = (pick: (row: FigureAnswer["rows"][number]) => number | null, forceId?: string) => (periodRows: FigureAnswer["rows"]) =>
  periodRows.map((row) => (forceId && row.force.id !== forceId ? null : pick(row))).find((value) => value !== null) ?? null;

/** The force a table is about, when it is one force with its groups. */
function anchorOf(choice: ForceChoice): string | undefined {
  if (choice.kind === "group") return choice.forceId;
  if (choice.kind === "pick" && choice.forceIds.length === 1) return choice.forceIds[0];
  return undefined;
}

/** The group rows under the forces: England and Wales always; the region and most similar group of the force the table is about. */
function referencesFor(choice: ForceChoice, catalogue: Catalogue): ReferenceRow[] {
  const anchor = catalogue.forces.find((force) => force.id === anchorOf(choice));
  const region = choice.kind === "region" ? catalogue.forces.find((force) => force.region.id === choice.regionId)?.region : anchor?.region;
  return [
    ...(region ? [{ label: `${region.name} region`, value: groupValue((row) => row.region, anchor?.id) }] : []),
    ...(anchor ? [{ label: `Most similar group of ${anchor.name}`, value: groupValue((row) => row.mostSimilarGroup, anchor.id) }] : []),
    { label: "England and Wales", value: groupValue((row) => row.national) },
  ];
}

const ready = (choices: Choices) =>
  choices.measures.length > 0 && !!choices.from && !!choices.to && (choices.forces.kind !== "pick" || choices.forces.forceIds.length > 0);

/** The explorer with the table's query and variables in it, run as it opens. */
function explorerLink(choices: Choices, catalogue: Catalogue): string {
  const params = new URLSearchParams({
    query: registeredText(TABLE_FIGURES),
    variables: JSON.stringify(variablesOf(choices, catalogue), null, 2),
    view: "table",
    list: "figures.rows",
    run: "1",
  });
  return `/explorer/?${params}`;
}

export function TableTool({ token }: { token: string | undefined }) {
  const [opened] = useState(() => choicesFromAddress(window.location.search));
  const [catalogue, setCatalogue] = useState<Catalogue>();
  const [choices, setChoices] = useState<Choices>(opened.choices);
  const [answer, setAnswer] = useState<{ figures: FigureAnswer; choices: Choices }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const create = async (asked: Choices, shown: Catalogue) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { figures } = await ask<{ figures: FigureAnswer }>(TABLE_FIGURES, variablesOf(asked, shown), token);
      setAnswer({ figures, choices: asked });
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    ask<Catalogue>(TABLE_CATALOGUE, {}, token)
      .then((loaded) => {
        setCatalogue(loaded);
        if (opened.run && ready(opened.choices)) void create(opened.choices, loaded);
      })
      .catch((error: Error) => setProblem(error.message));
  }, []);
  useEffect(() => window.history.replaceState(null, "", addressOf(choices, false)), [choices]);

  if (!catalogue)
    return (
      <p>
        {problem ? (
          <span role="alert" className="error">
            {problem}
          </span>
        ) : (
          "Loading the measures…"
        )}
      </p>
    );
  const measures = choices.measures.map((id) => catalogue.measures.find((measure) => measure.id === id)!).filter(Boolean);
  const update = (change: Partial<Choices>) => setChoices((current) => ({ ...current, ...change }));
  const chooseMeasures = (ids: string[]) => {
    const chosen = ids.map((id) => catalogue.measures.find((measure) => measure.id === id)!);
    const interval = intervalsFor(chosen).includes(choices.interval) ? choices.interval : "FINANCIAL_YEAR";
    update({ measures: ids, interval, ...defaultSpan(interval, chosen) });
  };
  const shown = answer && {
    ...answer,
    measures: answer.choices.measures.map((id) => catalogue.measures.find((measure) => measure.id === id)!),
  };

  return (
    <main>
      <MeasureChooser catalogue={catalogue} chosen={choices.measures} onChange={chooseMeasures} />
      <ForceChooser catalogue={catalogue} choice={choices.forces} onChange={(forces) => update({ forces })} />
      <PeriodChooser measures={measures} interval={choices.interval} from={choices.from} to={choices.to} onChange={update} />
      <p>
        <button type="button" className="primary" disabled={!ready(choices) || busy} onClick={() => void create(choices, catalogue)}>
          {busy ? "Creating…" : "Create table"}
        </button>
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {shown && (
        <section aria-label="Result" className="result">
          {shown.figures.synthetic && (
            <p role="note" className="banner">
              Figures marked [s] are from the synthetic sample: generated for trying the hub, not published statistics.
            </p>
          )}
          <div className="views" role="group" aria-label="View">
            <button type="button" aria-pressed={choices.view === "table"} onClick={() => update({ view: "table" })}>
              Table
            </button>
            <button type="button" aria-pressed={choices.view === "chart"} onClick={() => update({ view: "chart" })}>
              Chart
            </button>
            {choices.view === "chart" && (
              <>
                <label>
                  <input type="radio" name="chart" checked={choices.chart === "compare"} onChange={() => update({ chart: "compare" })} />{" "}
                  Compare with groups
                </label>
                <label>
                  <input type="radio" name="chart" checked={choices.chart === "trend"} onChange={() => update({ chart: "trend" })} /> Trend
                </label>
              </>
            )}
          </div>
          {shown.measures.map((measure) => {
            const rows = shown.figures.rows.filter((row) => row.measure.id === measure.id);
            const references = referencesFor(shown.choices.forces, catalogue);
            return choices.view === "table" ? (
              <MeasureTable key={measure.id} measure={measure} rows={rows} interval={shown.choices.interval} references={references} />
            ) : (
              <FigureChart
                key={`${measure.id}-${choices.chart}`}
                kind={choices.chart}
                measure={measure}
                rows={rows}
                interval={shown.choices.interval}
                forcesDescription={describeForces(shown.choices.forces, catalogue)}
                anchorForceId={anchorOf(shown.choices.forces)}
                references={references}
              />
            );
          })}
          <p className="actions">
            <button type="button" onClick={() => download("figures.csv", figuresCsv(shown.figures.rows, shown.measures))}>
              Download figures (CSV)
            </button>
            <button type="button" onClick={() => download("definitions.csv", definitionsCsv(shown.measures))}>
              Download definitions (CSV)
            </button>
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(new URL(addressOf(choices, true), window.location.href).toString());
                setCopied(true);
              }}
            >
              {copied ? "Link copied" : "Copy link"}
            </button>
            <a href={explorerLink(shown.choices, catalogue)}>Show the query in the explorer</a>
          </p>
        </section>
      )}
    </main>
  );
}
