/**
 * `@waymark/core/text`: the text rules (decoding, unsafe characters, Markdown escaping), the NI14 activity
 * patterns and the kind of an HTTP status the catalogue's words are chosen by, without the journey and command schemas the package's main entry builds with zod when it loads.
 * For code that must start fast and needs only these: the CLI's `waymark analyse` and the event-log import
 * (decision 0042). Everything here is also exported from `@waymark/core`.
 */
export { ok, err, type Result } from './result';
export {
  findUnsafeCharacter,
  findUnsafeText,
  describeUnsafeCharacter,
  type UnsafeCharacter,
} from './text/unsafe-text';
export {
  decodeText,
  firstInvalidUtf8,
  notUtf8Problem,
  positionOfByte,
  textEncodingOf,
  zeroByteProblem,
  type TextDecodingProblem,
  type TextEncodingName,
} from './text/decode-text';
export { escapeMarkdown } from './text/escape-markdown';
export { ni14ActivityPatterns } from './journey/ni14-patterns';
export { httpStatusKind, type HttpStatusKind } from './http-status';
