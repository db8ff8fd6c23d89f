/** One `<option>` per value of an enum or list, labelled from its label map, or by the value itself. */
export function Options<T extends string>({ values, labels }: { values: readonly T[]; labels?: Record<T, string> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels ? labels[value] : value}
    </option>
  ));
}

/** One `<option>` per record (a theme, a survey), its id as the value and its label as the text. */
export function RecordOptions({ records }: { records: readonly { id: string; label: string }[] }) {
  return records.map((record) => (
    <option key={record.id} value={record.id}>
      {record.label}
    </option>
  ));
}
