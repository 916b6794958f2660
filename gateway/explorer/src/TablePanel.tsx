import { toCsv, type AnswerTable } from "../../answer-table/answer-table.ts";
import { ListPicker } from "./ListPicker.tsx";
import { useAnswerTable } from "./use-answer-table.ts";

function download({ list, ...table }: AnswerTable): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([toCsv({ list, ...table })], { type: "text/csv;charset=utf-8" }));
  link.download = `${list}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The latest answer as a table: a row per element of the chosen list, numbers right-aligned, nulls empty. */
export function TablePanel() {
  const { lists, list, choose, table, hasErrors } = useAnswerTable();
  if (!table)
    return (
      <p className="hub-empty">Run a query whose answer has a list (forces, a league table, a monthly series) to see it as a table.</p>
    );
  return (
    <div className="hub-panel">
      <div className="hub-panel-bar">
        <ListPicker lists={lists} list={list} choose={choose} />
        <span>{table.rows.length} rows</span>
        <button type="button" className="graphiql-button" onClick={() => download(table)}>
          Download CSV
        </button>
      </div>
      {hasErrors && <p className="hub-warning">The answer has errors: some figures are missing (see the response).</p>}
      <div className="hub-table-scroll">
        <table className="hub-table">
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column} className={typeof cell === "number" ? "hub-number" : undefined}>
                    {cell === null ? "" : String(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
