export {
  readJourneySource,
  readJourneyText,
  type JourneySource,
  type ReadJourneyOptions,
} from './read-journey';
export { writeJourneyJson, writeJourneyYaml, canonicalJourney } from './write-journey';
export { formatProblem, formatProblems, type LocatedProblem } from './located-problem';
export { detectFormat, documentFormats, type DocumentFormat } from './detect-format';
export { DEFAULT_MAX_BYTES, formatSize, tooLargeProblem, checkText } from './text-checks';
export { decodeJourneyBytes } from './decode-bytes';
export { unsafeCharacterProblem } from './unsafe-characters';
export {
  hostileJourneyFiles,
  journeyYaml,
  verdictOf,
  type HostileJourneyFile,
} from './hostile-files.fixture';
