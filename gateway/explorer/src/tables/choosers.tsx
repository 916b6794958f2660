import type { ForceChoice } from "./choices.ts";
import { INTERVAL_LABELS, intervalsFor, periodOptions, type Interval } from "./periods.ts";
import type { Catalogue, CatalogueMeasure } from "./types.ts";

const dayLabel = (day: string | null) =>
  day
    ? new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    : "none loaded";

/** Step 1: measures from the catalogue, each with its definition and the days it has data for. */
export function MeasureChooser({
  catalogue,
  chosen,
  onChange,
}: {
  catalogue: Catalogue;
  chosen: string[];
  onChange: (measures: string[]) => void;
}) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id]);
  return (
    <fieldset>
      <legend>
        <h2>1. Measures</h2>
      </legend>
      <ul className="choices">
        {catalogue.measures.map((measure) => (
          <li key={measure.id}>
            <label>
              <input type="checkbox" checked={chosen.includes(measure.id)} onChange={() => toggle(measure.id)} /> {measure.name}{" "}
              <span className="unit">({measure.unit})</span>
            </label>
            <details>
              <summary>Definition</summary>
              <p>{measure.definition}</p>
              <p>
                Group values: {measure.groupValue} Sources: {measure.sourceKinds.join(", ")}. Data from {dayLabel(measure.periods.firstDay)}{" "}
                to {dayLabel(measure.periods.lastDay)}
                {measure.snapshot ? ` (snapshots: ${measure.periods.snapshotDates.map(dayLabel).join(", ")})` : ""}.
              </p>
            </details>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Step 2: all forces, a region, a force with its most similar group, or forces picked one by one. */
export function ForceChooser({
  catalogue,
  choice,
  onChange,
}: {
  catalogue: Catalogue;
  choice: ForceChoice;
  onChange: (choice: ForceChoice) => void;
}) {
  const regions = [...new Map(catalogue.forces.map((force) => [force.region.id, force.region.name]))].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const forces = [...catalogue.forces].sort((a, b) => a.name.localeCompare(b.name));
  const picked = choice.kind === "pick" ? choice.forceIds : [];
  const forceSelect = (value: string, label: string, onPick: (id: string) => void) => (
    <select aria-label={label} value={value} onChange={(event) => onPick(event.target.value)}>
      {forces.map((force) => (
        <option key={force.id} value={force.id}>
          {force.name}
        </option>
      ))}
    </select>
  );
  return (
    <fieldset>
      <legend>
        <h2>2. Forces</h2>
      </legend>
      <label>
        <input type="radio" name="forces" checked={choice.kind === "all"} onChange={() => onChange({ kind: "all" })} /> All forces
      </label>
      <label>
        <input
          type="radio"
          name="forces"
          checked={choice.kind === "region"}
          onChange={() => onChange({ kind: "region", regionId: regions[0][0] })}
        />{" "}
        A region{" "}
        {choice.kind === "region" && (
          <select
            aria-label="Region"
            value={choice.regionId}
            onChange={(event) => onChange({ kind: "region", regionId: event.target.value })}
          >
            {regions.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        )}
      </label>
      <label>
        <input
          type="radio"
          name="forces"
          checked={choice.kind === "group"}
          onChange={() => onChange({ kind: "group", forceId: forces[0].id })}
        />{" "}
        A force and its most similar group{" "}
        {choice.kind === "group" && forceSelect(choice.forceId, "Force", (forceId) => onChange({ kind: "group", forceId }))}
      </label>
      <label>
        <input type="radio" name="forces" checked={choice.kind === "pick"} onChange={() => onChange({ kind: "pick", forceIds: [] })} />{" "}
        Forces I pick
      </label>
      {choice.kind === "pick" && (
        <ul className="choices picked" aria-label="Forces to show">
          {forces.map((force) => (
            <li key={force.id}>
              <label>
                <input
                  type="checkbox"
                  checked={picked.includes(force.id)}
                  onChange={() =>
                    onChange({
                      kind: "pick",
                      forceIds: picked.includes(force.id) ? picked.filter((id) => id !== force.id) : [...picked, force.id],
                    })
                  }
                />{" "}
                {force.name}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

const DEFAULT_COUNT: Record<Interval, number> = {
  MONTH: 12,
  QUARTER: 4,
  FINANCIAL_YEAR: 1,
  CALENDAR_YEAR: 1,
  SNAPSHOT: Infinity,
  WHOLE_PERIOD: 12,
};

/** The latest periods an interval shows by default: a year of months or quarters, the latest year, every snapshot. */
export function defaultSpan(interval: Interval, measures: CatalogueMeasure[]): { from: string; to: string } {
  const options = periodOptions(interval, measures);
  if (!options.length) return { from: "", to: "" };
  return { from: options[Math.max(0, options.length - DEFAULT_COUNT[interval])].from, to: options[options.length - 1].to };
}

interface PeriodChooserProps {
  measures: CatalogueMeasure[];
  interval: Interval;
  from: string;
  to: string;
  onChange: (change: { interval: Interval; from: string; to: string }) => void;
}

/** Step 3: the interval, then the first and last period among those the measures have data in. */
export function PeriodChooser({ measures, interval, from, to, onChange }: PeriodChooserProps) {
  const options = periodOptions(interval, measures);
  return (
    <fieldset>
      <legend>
        <h2>3. Periods</h2>
      </legend>
      <label>
        Interval{" "}
        <select
          aria-label="Interval"
          value={interval}
          onChange={(event) => {
            const next = event.target.value as Interval;
            onChange({ interval: next, ...defaultSpan(next, measures) });
          }}
        >
          {intervalsFor(measures).map((option) => (
            <option key={option} value={option}>
              {INTERVAL_LABELS[option]}
            </option>
          ))}
        </select>
      </label>{" "}
      {options.length === 0 ? (
        <span className="hint">The measures chosen have no data loaded.</span>
      ) : (
        <>
          <label>
            From{" "}
            <select
              aria-label="From"
              value={from}
              onChange={(event) =>
                onChange({ interval, from: event.target.value, to: to < event.target.value ? options[options.length - 1].to : to })
              }
            >
              {options.map((option) => (
                <option key={option.from} value={option.from}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            To{" "}
            <select aria-label="To" value={to} onChange={(event) => onChange({ interval, from, to: event.target.value })}>
              {options
                .filter((option) => option.to >= from)
                .map((option) => (
                  <option key={option.to} value={option.to}>
                    {option.label}
                  </option>
                ))}
            </select>
          </label>
        </>
      )}
    </fieldset>
  );
}
