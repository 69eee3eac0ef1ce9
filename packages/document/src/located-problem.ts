import { formatPath, type Problem } from '@waymark/core';

/** A problem found in a file, with the 1-based line and column of the node it is about when known. */
export type LocatedProblem = Problem & { readonly line?: number; readonly column?: number };

/** `file:line:col path: message`, one per problem, in the order given (the order an editor jumps through). */
export function formatProblems(problems: readonly LocatedProblem[], fileName: string): string[] {
  return problems.map((p) => formatProblem(p, fileName));
}

export function formatProblem(p: LocatedProblem, fileName: string): string {
  const at = p.line === undefined ? fileName : `${fileName}:${p.line}:${p.column ?? 1}`;
  const where = p.path.length > 0 ? ` ${formatPath(p.path)}` : '';
  const severity = p.severity === 'warning' ? 'warning: ' : '';
  return `${at}${where}: ${severity}${p.message}`;
}
