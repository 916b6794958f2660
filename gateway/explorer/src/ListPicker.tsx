interface ListPickerProps {
  lists: string[];
  list: string | undefined;
  choose: (list: string) => void;
}

/** Which list of the answer becomes rows: outermost lists, or a nested one to expand (`forces.monthly`). */
export function ListPicker({ lists, list, choose }: ListPickerProps) {
  if (lists.length < 2) return null;
  return (
    <label className="hub-picker">
      Rows from{" "}
      <select aria-label="Rows from" value={list} onChange={(event) => choose(event.target.value)}>
        {lists.map((path) => (
          <option key={path} value={path}>
            {path}
          </option>
        ))}
      </select>
    </label>
  );
}
