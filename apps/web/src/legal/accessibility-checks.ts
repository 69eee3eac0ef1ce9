import checks from './accessibility-checks.json' with { type: 'json' };

/**
 * What the project's own accessibility checks test and know (decision 0024): kept in accessibility-checks.json,
 * which the a11y sweep compares with what it checks. The statement is built from it.
 */
export type IssueKind = 'non-compliance' | 'disproportionate-burden' | 'outside-scope';
export interface KnownIssue {
  /** Its words: `legal.a11y.issue.<id>`. */
  readonly id: string;
  readonly kind: IssueKind;
  /** The WCAG 2.2 success criteria it fails, like "1.3.1". */
  readonly criteria: readonly string[];
  /** The test that shows the problem is still there, or null for a fact no test can check. */
  readonly checkedBy: string | null;
}
export interface AccessibilityChecks {
  readonly standard: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly axeTags: readonly string[];
  readonly disabledRules: readonly string[];
  readonly languages: readonly string[];
  readonly zooms: readonly string[];
  /** A person's audit with assistive technology: when and by whom, or null (none yet). */
  readonly manualAudit: { readonly date: string; readonly by: string } | null;
  /** The sweep's pages: its name for each, and the words (`legal.a11y.page.<words>`) the statement uses. */
  readonly pages: readonly { readonly sweep: string; readonly words: string }[];
  readonly notSwept: readonly { readonly words: string; readonly checkedBy: string | null }[];
  readonly knownIssues: readonly KnownIssue[];
}

export const accessibilityChecks = checks as AccessibilityChecks;

/**
 * The statement's compliance status (the GOV.UK model's three): partially compliant while any non-compliance is
 * known; with none, still partially compliant until a person has audited it, since automated checks alone find only
 * some problems; fully compliant only after an audit that left nothing known.
 */
export function complianceStatus(
  issues: readonly KnownIssue[],
  organisationKnowsMore: boolean,
  audit: AccessibilityChecks['manualAudit'],
): 'partial' | 'unaudited' | 'full' {
  if (organisationKnowsMore || issues.some((i) => i.kind === 'non-compliance')) return 'partial';
  return audit === null ? 'unaudited' : 'full';
}
