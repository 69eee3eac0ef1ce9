// Types for huge-pages.js, which the bin runs as it is (plain JavaScript, before the build is checked) and
// src/import-limits.ts imports for the variable's rule and default.
export declare const hugePagesDefaultFrom: number;
export declare function hugePagesFrom(env: Readonly<Record<string, string | undefined>>): number | undefined;
export declare function relaunchWithHugePages(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<number | undefined>;
