/** What a command may touch: passed in, so tests run `main({ argv, stdout, stderr })` with no process. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory relative paths resolve against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (commands refuse to print binary output there). Absent means not a terminal. */
  readonly stdoutIsTerminal?: boolean;
  /** Raw bytes to stdout, for binary output piped to a file; absent where only text can be written. */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
}

/**
 * One `waymark <name>` sub-command. `run` returns the exit code; it never lets an expected failure throw. Its
 * words for `waymark --help` and `waymark <name> --help` are the catalogue's (`help.<name>.summary` and the
 * rest of the `help` namespace, see help.ts), not the command's own.
 */
export interface CliCommand {
  readonly name: string;
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

/** Exit codes, in one table (docs/ARCHITECTURE.md). */
export const exitCodes = {
  ok: 0,
  /** The input was read but is not valid (validation problems, rejected data). */
  invalid: 1,
  /** The command line itself was wrong (unknown option, missing argument). */
  usage: 2,
  /** A file could not be read or written, or a server could not be reached. */
  io: 3,
  /** A bug: something threw that should not have (printed as one line, details with WAYMARK_DEBUG=1). */
  internal: 70,
} as const;
