import { wilsonInterval, zForConfidence, type Proportion } from './wilson';

/**
 * Survey scores on a journey step (docs/worked-checks/survey-scores.md): the distribution of answers, mean with
 * a Student t interval, median; CSAT, CES and NPS the standard way. Everything is computed from the counts of
 * each answer, so a million answers take as much memory as eleven.
 */

/** The answer scales a survey question may use. */
export const surveyScales = {
  '1-5': { min: 1, max: 5 },
  '1-7': { min: 1, max: 7 },
  '0-10': { min: 0, max: 10 },
} as const;
export type SurveyScale = keyof typeof surveyScales;
export const surveyScaleIds = Object.keys(surveyScales) as [SurveyScale, ...SurveyScale[]];

/** What a question measures: a rating (satisfaction), customer effort, the likelihood to recommend, or words. */
export const questionKinds = ['rating', 'ces', 'nps', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Counts of each whole answer on a scale: counts[i] is how many answered min + i. */
export interface ScoreCounts {
  readonly scale: SurveyScale;
  readonly counts: readonly number[];
}

export function emptyCounts(scale: SurveyScale): number[] {
  const { min, max } = surveyScales[scale];
  return new Array<number>(max - min + 1).fill(0);
}

export interface MeanInterval {
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
  readonly method: 't';
}

export interface ScoreSummary {
  readonly scale: SurveyScale;
  readonly n: number;
  readonly counts: readonly number[];
  /** NaN when n is 0. */
  readonly mean: number;
  readonly median: number;
  /** Sample standard deviation (n − 1); NaN below two answers. */
  readonly sd: number;
  /** Student t interval for the mean, clamped to the scale; absent below two answers. */
  readonly interval?: MeanInterval;
}

// ---- Student t quantiles (no table: the regularised incomplete beta, then bisection) ----

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to about 15 significant figures
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** I_x(a, b), the regularised incomplete beta function. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, for 0.5 ≤ p < 1 (bisection to 1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0.5 && p < 1) || !(df > 0))
    throw new RangeError(`studentTQuantile needs 0.5 ≤ p < 1 and df > 0; got p ${p}, df ${df}`);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---- summaries ----

function checkCounts({ scale, counts }: ScoreCounts): void {
  const { min, max } = surveyScales[scale];
  if (counts.length !== max - min + 1 || counts.some((c) => !Number.isInteger(c) || c < 0))
    throw new RangeError(
      `expected ${max - min + 1} whole counts for the ${scale} scale; got [${counts.join(', ')}]`,
    );
}

/** Counts of whole answers from a list (each on the scale; anything else is refused). */
export function countAnswers(values: readonly number[], scale: SurveyScale): ScoreCounts {
  const { min, max } = surveyScales[scale];
  const counts = emptyCounts(scale);
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max)
      throw new RangeError(`expected a whole number from ${min} to ${max}; got ${v}`);
    counts[v - min] = (counts[v - min] as number) + 1;
  }
  return { scale, counts };
}

/** n, mean, median, sample SD and the t interval for the mean (`confidence` as for Wilson). */
export function summariseScores(input: ScoreCounts, confidence = 0.95): ScoreSummary {
  checkCounts(input);
  const { scale, counts } = input;
  const { min, max } = surveyScales[scale];
  let n = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    n += c;
    sum += c * (min + i);
  });
  const mean = n === 0 ? Number.NaN : sum / n;
  let ss = 0;
  counts.forEach((c, i) => {
    ss += c * (min + i - mean) ** 2;
  });
  const sd = n < 2 ? Number.NaN : Math.sqrt(ss / (n - 1));
  const summary: ScoreSummary = {
    scale,
    n,
    counts: [...counts],
    mean,
    median: medianOfCounts(counts, min, n),
    sd,
  };
  if (n < 2) return summary;
  zForConfidence(confidence); // the same levels as everywhere else
  const t = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  const half = (t * sd) / Math.sqrt(n);
  return {
    ...summary,
    interval: { low: Math.max(min, mean - half), high: Math.min(max, mean + half), confidence, method: 't' },
  };
}

function medianOfCounts(counts: readonly number[], min: number, n: number): number {
  if (n === 0) return Number.NaN;
  const at = (k: number): number => {
    // the k-th answer in order (0-based)
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i] as number;
      if (k < seen) return min + i;
    }
    return min + counts.length - 1;
  };
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** A mean on `scale` as Waymark's emotion score, −100 (lowest) … +100 (highest), unrounded. */
export function toEmotionScale(value: number, scale: SurveyScale): number {
  const { min, max } = surveyScales[scale];
  return ((value - min) / (max - min)) * 200 - 100;
}

/** CSAT: the share answering 4 or 5 on a 5-point satisfaction scale, with its Wilson interval. */
export function csat(input: ScoreCounts, confidence = 0.95): Proportion {
  checkCounts(input);
  if (input.scale !== '1-5')
    throw new RangeError(`CSAT is defined on a 5-point scale (1-5); this question uses ${input.scale}`);
  const n = input.counts.reduce((a, b) => a + b, 0);
  return wilsonInterval((input.counts[3] as number) + (input.counts[4] as number), n, confidence);
}

export interface CesResult {
  readonly summary: ScoreSummary;
  /** The share answering "easy": 5–7 on the 7-point scale, 4–5 on the 5-point one, with its Wilson interval. */
  readonly easy: Proportion;
}

/** CES: the mean agreement that the service made it easy (1–7, or 1–5), and the share who found it easy. */
export function ces(input: ScoreCounts, confidence = 0.95): CesResult {
  checkCounts(input);
  if (input.scale === '0-10')
    throw new RangeError('CES is asked on a 1-7 (or 1-5) agreement scale, not 0-10');
  const from = input.scale === '1-7' ? 5 : 4;
  let easy = 0;
  let n = 0;
  input.counts.forEach((c, i) => {
    n += c;
    if (1 + i >= from) easy += c;
  });
  return { summary: summariseScores(input, confidence), easy: wilsonInterval(easy, n, confidence) };
}

export interface NpsResult {
  readonly n: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** 100 × (promoters − detractors) / n, from −100 to +100; NaN when n is 0. */
  readonly score: number;
  /** Adjusted Wald interval (see the worked check), on −100…+100. */
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
  readonly method: 'adjusted-wald';
}

/**
 * NPS from 0–10 answers: promoters 9–10, passives 7–8, detractors 0–6; score = %promoters − %detractors. The
 * interval is the Wald interval of a difference of two trinomial shares, var = (pP + pD − (pP − pD)²) / n,
 * computed after adding ¾ of an answer to promoters and to detractors and 1½ to passives (n + 3), so it does not
 * collapse to nothing when every answer is a promoter.
 */
export function nps(input: ScoreCounts, confidence = 0.95): NpsResult {
  checkCounts(input);
  if (input.scale !== '0-10') throw new RangeError(`NPS is asked on 0-10; this question uses ${input.scale}`);
  const c = input.counts;
  const sum = (from: number, to: number) => c.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const detractors = sum(0, 6);
  const passives = sum(7, 8);
  const promoters = sum(9, 10);
  const n = detractors + passives + promoters;
  const z = zForConfidence(confidence);
  const score = n === 0 ? Number.NaN : (100 * (promoters - detractors)) / n;
  const na = n + 3;
  const pP = (promoters + 0.75) / na;
  const pD = (detractors + 0.75) / na;
  const centre = pP - pD;
  const half = z * Math.sqrt((pP + pD - centre * centre) / na);
  return {
    n,
    promoters,
    passives,
    detractors,
    score,
    low: Math.max(-100, 100 * (centre - half)),
    high: Math.min(100, 100 * (centre + half)),
    confidence,
    method: 'adjusted-wald',
  };
}

// ---- measured emotion beside measured contact ----

/** What the survey and the contact log say about one step, side by side. */
export type EvidenceAgreement =
  /** Too few answers or contacts to say. */
  | 'too-few'
  /** Both say the step goes well, or both say it goes badly, or neither is clear. */
  | 'agree'
  /** The survey says it goes well (emotion interval above 0) but much of its contact is avoidable. */
  | 'survey-good-contact-poor'
  /** The survey says it goes badly (emotion interval below 0) but little of its contact is avoidable. */
  | 'survey-poor-contact-good';

export interface EvidenceRule {
  /** Fewest survey answers and fewest contacts at the step for a verdict. */
  readonly minAnswers: number;
  readonly minContacts: number;
  /** Avoidable contact is high when the lower end of its Wilson interval is at least this share. */
  readonly highAvoidable: number;
  /** And low when the upper end is at most this share. */
  readonly lowAvoidable: number;
}

export const defaultEvidenceRule: EvidenceRule = {
  minAnswers: 10,
  minContacts: 10,
  highAvoidable: 0.3,
  lowAvoidable: 0.15,
};

/**
 * Compares the survey's emotion interval for a step (on −100…+100) with the step's avoidable contact from the
 * attached log (docs/worked-checks/survey-scores.md, "When the survey and the log disagree").
 */
export function compareEvidence(
  emotion: { readonly n: number; readonly low: number; readonly high: number },
  avoidable: Proportion,
  rule: EvidenceRule = defaultEvidenceRule,
): EvidenceAgreement {
  if (emotion.n < rule.minAnswers || avoidable.trials < rule.minContacts) return 'too-few';
  const surveyGood = emotion.low > 0;
  const surveyPoor = emotion.high < 0;
  const contactPoor = avoidable.low >= rule.highAvoidable;
  const contactGood = avoidable.high <= rule.lowAvoidable;
  if (surveyGood && contactPoor) return 'survey-good-contact-poor';
  if (surveyPoor && contactGood) return 'survey-poor-contact-good';
  return 'agree';
}

/** Every figure of one question: its summary, and CSAT, CES or NPS by its kind; the emotion band for ratings. */
export interface QuestionScores {
  readonly kind: QuestionKind;
  readonly summary: ScoreSummary;
  readonly csat?: Proportion;
  readonly ces?: CesResult;
  readonly nps?: NpsResult;
  /** The mean and its t interval on −100…+100 (ratings and NPS questions; not effort). */
  readonly emotion?: {
    readonly n: number;
    readonly mean: number;
    readonly low: number;
    readonly high: number;
  };
}

export function scoreQuestion(
  question: { readonly kind: QuestionKind; readonly scale: SurveyScale; readonly counts: readonly number[] },
  confidence = 0.95,
): QuestionScores {
  if (question.kind === 'text') throw new RangeError('a free-text question has no scores');
  const counts: ScoreCounts = { scale: question.scale, counts: question.counts };
  const summary = summariseScores(counts, confidence);
  const emotion =
    question.kind !== 'ces' && summary.interval
      ? {
          n: summary.n,
          mean: toEmotionScale(summary.mean, question.scale),
          low: toEmotionScale(summary.interval.low, question.scale),
          high: toEmotionScale(summary.interval.high, question.scale),
        }
      : undefined;
  return {
    kind: question.kind,
    summary,
    ...(question.kind === 'rating' && question.scale === '1-5' ? { csat: csat(counts, confidence) } : {}),
    ...(question.kind === 'ces' ? { ces: ces(counts, confidence) } : {}),
    ...(question.kind === 'nps' ? { nps: nps(counts, confidence) } : {}),
    ...(emotion ? { emotion } : {}),
  };
}
