// A file for interface-strings.test.ts to read: lines 4–7 hold strings it must find; the rest it must pass over.
// (two lines of comment keep the strings on lines 4–7)
export const probe = (n: number, m: number, t: (id: string) => string) => [
  <h1 className="page-title">Journeys</h1>,
  <button aria-label="Close" data-id="x" type="button" />,
  'Add step',
  `Step ${n} of ${m}`,
  <p className={`card card--${n}`}>{t('editor.addStep')}</p>,
  'application/json',
  `card ${n}`,
  // i18n-exempt: a programmer's error, never shown
  new Error('Used outside its provider'),
  <span>{n}</span>,
  <abbr title="">{'·'}</abbr>,
];
