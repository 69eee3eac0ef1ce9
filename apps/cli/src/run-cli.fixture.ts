import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliCommand } from './command';
import { main } from './main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `waymark <argv>` in-process in `cwd`, collecting what it prints. */
export async function runCli(
  argv: readonly string[],
  cwd: string,
  extra: { env?: Record<string, string>; commands?: readonly CliCommand[]; stdoutIsTerminal?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    env: extra.env ?? {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    ...(extra.commands ? { commands: extra.commands } : {}),
    ...(extra.stdoutIsTerminal ? { stdoutIsTerminal: true } : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder per test, removed afterwards. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-cli-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A stack trace line, which no user-facing output may contain. */
export const stackLine = /^\s+at /m;

/** A small valid journey: three steps, a quote and an emotion curve; tests break one line of it. */
export const journeyYaml = `schemaVersion: 2
id: asb-small
meta:
  title: Victims of ASB (small)
  journeyType: current
columns:
  - id: incident
    label: Incident occurs
  - id: reports
    label: Reports incident
  - id: waits
    label: Awaits response
lanes:
  - id: steps
    kind: step
    label: Key journey steps
  - id: quotes
    kind: feeling
    label: What they say
  - id: emotion
    kind: emotion
    label: Customer satisfaction
cards:
  - id: s1
    kind: step
    laneId: steps
    columnId: incident
    text: Incident occurs
  - id: s2
    kind: step
    laneId: steps
    columnId: reports
    text: Reports incident
  - id: s3
    kind: step
    laneId: steps
    columnId: waits
    text: Awaits response
  - id: q1
    kind: feeling
    laneId: quotes
    columnId: waits
    text: Nobody rang me back
    quote: true
  - id: e1
    kind: emotion
    laneId: emotion
    columnId: incident
    score: -60
  - id: e2
    kind: emotion
    laneId: emotion
    columnId: waits
    score: -90
links:
  - id: chase
    kind: feedback-loop
    from: { columnId: waits }
    to: { kind: column, columnId: reports }
`;
