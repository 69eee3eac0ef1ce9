/**
 * Why a row (or event) was rejected, as a stable code with the values its words need. The `reason` beside it
 * stays the importer's English for the CLI's reports and logs; screens say a rejection from the message
 * catalogue by its code (`datasets.rejection.<code>`), never from `reason`.
 */
export const rejectionCodes = [
  /** The row has another number of fields than the header: `{ count, expected }`. */
  'wrong_field_count',
  /** No case id: `{}`. */
  'empty_case',
  /** No activity: `{}`. */
  'empty_activity',
  /** No timestamp: `{}`. */
  'empty_timestamp',
  /** A timestamp that is not a date-time: `{ value, expected }`, expected one of `timestampExpectations`. */
  'bad_timestamp',
  /** A value whose bytes are not UTF-8: `{ field }` (case, activity, channel…). */
  'value_not_utf8',
  /** A value holding a control character or lone surrogate: `{ field, codePoint, position }`. */
  'unsafe_character',
  /** An XES trace without a case id: `{ traceLine, attribute }`. */
  'trace_without_case',
  /** An XES event without the activity attribute: `{ attribute }`. */
  'event_without_activity',
  /** An XES event without the timestamp attribute: `{ attribute }`. */
  'event_without_timestamp',
] as const;

export type RejectionCode = (typeof rejectionCodes)[number];

/** What a `bad_timestamp` expected: ISO 8601, day first, month first, XES's xs:dateTime, or any date-time. */
export const timestampExpectations = ['iso', 'dmy', 'mdy', 'xes', 'any'] as const;

export type RejectionValues = Readonly<Record<string, string | number>>;

/** A rejection's problem: its code, the values its words need, and the importer's English. */
export interface RejectionProblem {
  readonly code: RejectionCode;
  readonly values?: RejectionValues;
  readonly reason: string;
}
