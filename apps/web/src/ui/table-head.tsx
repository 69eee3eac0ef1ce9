import { t } from '../i18n';

/** A table's column headings, with a last column for row actions named only for screen readers. */
export function TableHead({
  columns,
  actions = t('app.table.actions'),
}: {
  columns: readonly string[];
  actions?: string;
}) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">{actions}</span>
        </th>
      </tr>
    </thead>
  );
}
