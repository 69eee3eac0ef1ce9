/**
 * Template guidance is advice for filling a map in ("Name this key journey step as the customer would say
 * it…"), not the map's content (issue 11 item 4, decision 0016). Since schema 2's `guidance` field, templates
 * put it there and the editor shows it only as a hint. Maps made earlier carry it in `description`; these are
 * the exact words the templates wrote there, so a reader can tell guidance from a description someone wrote.
 */
const earlierTemplateGuidance: ReadonlySet<string> = new Set([
  'Name this key journey step as the customer would say it, e.g. “Reports incident”. Keep to about six steps; split a longer journey into linked sub-journeys.',
  'What does the customer experience at this step, in their words?',
  'Each contact at this step: which channel, inbound or outbound, and who handles it?',
  'What does the customer do, think and feel here? Quote real customers and name the source.',
  'Rate the experience from −100 (poor) to +100 (great). Where no customer gave a number, mark the score as an estimate.',
  'Where is the service most likely to succeed or fail in the customer’s eyes, and why?',
  'Where is the experience poor: a silence, a delay, a repeat, confusion, a hand-off?',
  'Which changes would improve this step? File each under Contact, Process or Comms.',
  'Name the step the customer takes; add or remove steps so each stage has what happens in it.',
  'What does the customer do at this step?',
  'Where does the customer meet the service: which channel, inbound or outbound?',
  'What do staff the customer can see or hear do at this step?',
  'What happens out of the customer’s sight: checks, data entry, waiting for decisions?',
  'Which systems, policies, other teams or outside agencies make this step possible?',
  'Where does the case pass from one team or organisation to another?',
  'Contacts, handling time, waiting time, volume or cost at this step; say whether measured or estimated.',
  'Who does the person live with, and what changes at home at this age?',
  'How does the person behave at this age, at home, at school and outside?',
  'What worries or difficulties does the person have at this age?',
  'Where does the person live: tenure, moves, overcrowding?',
  'Nursery, school or college: attendance, attitude, exclusions?',
  'Physical and mental health of the person and of those caring for them?',
  'What happened in this month? Leave it empty where nothing did: the gaps are part of the story. Set the month (YYYY-MM) to date the axis.',
  'What step in the case happened this month, e.g. “Recommendation received”?',
  'Did the case pass from one organisation to another this month? From whom, to whom?',
  'Who contacted the person, or whom did they contact, and through which channel?',
  'What did the person do and feel this month? Use their words and name the source.',
  'Was there a moment when the service succeeded or failed in the person’s eyes? Why?',
  'What happened in this month? Leave it empty where nothing did: the gaps are part of the story.',
]);

/** Whether text is a template's guidance that an earlier Waymark stored as a description. */
export const isTemplateGuidance = (text: string | undefined): boolean =>
  text !== undefined && earlierTemplateGuidance.has(text.trim());

/** A column's or lane's description as content: a template's guidance stored there is left out. */
export const contentDescription = (item: {
  readonly description?: string | undefined;
}): string | undefined => (isTemplateGuidance(item.description) ? undefined : item.description);

/** Advice to show as a hint in the editor: the `guidance` field, or guidance an earlier template stored as a description. */
export const guidanceOf = (item: {
  readonly description?: string | undefined;
  readonly guidance?: string | undefined;
}): string | undefined =>
  item.guidance ?? (isTemplateGuidance(item.description) ? item.description : undefined);

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Moves template guidance found in columns' and lanes' `description` to `guidance`, on plain data read from a
 * file, an import or a request. Words someone wrote are never touched.
 */
export function separateTemplateGuidance(doc: Doc): Doc {
  const holds = (items: unknown) =>
    Array.isArray(items) &&
    items.some(
      (item: unknown) =>
        isObject(item) && typeof item.description === 'string' && isTemplateGuidance(item.description),
    );
  // Nothing to move: the same document back (callers may compare by identity).
  if (!holds(doc.columns) && !holds(doc.lanes)) return doc;
  const fix = (items: unknown) =>
    Array.isArray(items)
      ? items.map((item: unknown) => {
          if (
            !isObject(item) ||
            typeof item.description !== 'string' ||
            !isTemplateGuidance(item.description)
          )
            return item;
          const { description, ...rest } = item;
          return { ...rest, guidance: typeof item.guidance === 'string' ? item.guidance : description };
        })
      : items;
  return { ...doc, columns: fix(doc.columns), lanes: fix(doc.lanes) };
}
