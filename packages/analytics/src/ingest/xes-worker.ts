/**
 * Worker thread: reads the head of an XES log (its start up to the end of a trace, see xes-split.ts) from the
 * chunks the main thread sends, into its own columns, and sends them back, moved rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ColumnMapping } from './columns';
import type { CsvPart } from './csv-worker';
import { ImportError, type ImportOptions } from './import-result';
import { importedPart, partBuffers } from './log-part';
import { importXes, SplitNotBetweenTraces } from './xes';

/** What the main thread sends: chunks of the head in order, then its end (`whole` when no split was found). */
export type XesHeadMessage = { readonly chunk: Uint8Array } | { readonly end: true; readonly whole: boolean };

/** The head's answer: its part, or why there is none. */
export type XesHeadAnswer =
  | { readonly part: CsvPart; readonly mapping: ColumnMapping }
  | {
      readonly importError: {
        code: ImportError['code'];
        message: string;
        line?: number;
        values?: ImportError['values'];
      };
    }
  | { readonly notBetweenTraces: true }
  | { readonly failed: string };

/** The chunks as they come, as an async iterable the importer reads. */
function chunksFrom(
  port: NonNullable<typeof parentPort>,
  ended: (whole: boolean) => void,
): AsyncIterable<Uint8Array> {
  const queue: Uint8Array[] = [];
  let done = false;
  let wake: (() => void) | undefined;
  port.on('message', (msg: XesHeadMessage) => {
    if ('chunk' in msg) queue.push(msg.chunk);
    else {
      ended(msg.whole);
      done = true;
    }
    wake?.();
    wake = undefined;
  });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const chunk = queue.shift();
        if (chunk) yield chunk;
        else if (done) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

const job = (workerData as { xesHeadJob?: { options: ImportOptions } } | null)?.xesHeadJob;
if (parentPort && job) {
  const port = parentPort;
  let whole = false;
  const source = chunksFrom(port, (w) => (whole = w));
  importXes(source, job.options, { part: 'head', whole: () => whole }).then(
    (imported) => {
      const part = importedPart(imported);
      port.postMessage(
        { part, mapping: imported.report.mapping } satisfies XesHeadAnswer,
        partBuffers([part]),
      );
    },
    (e: unknown) =>
      port.postMessage(
        (e instanceof SplitNotBetweenTraces
          ? { notBetweenTraces: true }
          : e instanceof ImportError
            ? {
                importError: {
                  code: e.code,
                  message: e.message,
                  ...(e.line === undefined ? {} : { line: e.line }),
                  ...(e.values === undefined ? {} : { values: e.values }),
                },
              }
            : { failed: e instanceof Error ? e.message : String(e) }) satisfies XesHeadAnswer,
      ),
  );
}
