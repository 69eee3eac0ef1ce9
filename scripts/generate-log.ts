/**
 * A deterministic synthetic council contact log: report → (transfer) → assess → chases, repeats,
 * visits, silences → close, across channels and teams, with cases interleaved as in a CRM export.
 * Writes CSV or XES.gz. Usage: tsx scripts/generate-log.ts <events> <out.csv|out.xes.gz> [seed]
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { csvHeader, csvLine, generateEvents, type GenerateOptions } from '@waymark/analytics';

export { generateEvents, type GenerateOptions, type GeneratedEvent } from '@waymark/analytics';

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

async function write(out: WriteStream | ReturnType<typeof createGzip>, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function writeCsv(path: string, options: GenerateOptions): Promise<void> {
  const out = createWriteStream(path);
  let buf = csvHeader;
  for (const e of generateEvents(options)) {
    buf += csvLine(e);
    if (buf.length > 1 << 20) {
      await write(out, buf);
      buf = '';
    }
  }
  await write(out, buf);
  out.end();
  await once(out, 'finish');
}

/** XES needs each trace's events together: cases are collected while open and written when they close. */
export async function writeXesGz(path: string, options: GenerateOptions): Promise<void> {
  const file = createWriteStream(path);
  const gz = createGzip({ level: constants.Z_BEST_SPEED });
  gz.pipe(file);
  await write(
    gz,
    '<?xml version="1.0" encoding="UTF-8" ?>\n<log xes.version="1.0" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">\n\t<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>\n\t<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>\n\t<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>\n\t<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>\n\t<classifier name="Activity" keys="concept:name"/>\n',
  );
  const open = new Map<string, string[]>();
  let buf = '';
  for (const e of generateEvents(options)) {
    let parts = open.get(e.caseId);
    if (!parts) open.set(e.caseId, (parts = []));
    parts.push(
      `\t\t<event>\n\t\t\t<string key="concept:name" value="${xmlEscape(e.activity)}"/>\n\t\t\t<string key="lifecycle:transition" value="complete"/>\n\t\t\t<date key="time:timestamp" value="${new Date(e.time).toISOString().replace('Z', '+00:00')}"/>\n\t\t\t<string key="org:group" value="${xmlEscape(e.team)}"/>\n${e.channel ? `\t\t\t<string key="channel" value="${e.channel}"/>\n` : ''}\t\t</event>\n`,
    );
    if (e.activity === 'Close case') {
      buf += `\t<trace>\n\t\t<string key="concept:name" value="${e.caseId}"/>\n${parts.join('')}\t</trace>\n`;
      open.delete(e.caseId);
      if (buf.length > 1 << 20) {
        await write(gz, buf);
        buf = '';
      }
    }
  }
  for (const [id, parts] of open)
    buf += `\t<trace>\n\t\t<string key="concept:name" value="${id}"/>\n${parts.join('')}\t</trace>\n`;
  await write(gz, `${buf}</log>\n`);
  gz.end();
  await once(file, 'finish');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [events, path, seed] = process.argv.slice(2);
  if (!events || !path) {
    console.error('usage: tsx scripts/generate-log.ts <events> <out.csv|out.xes.gz> [seed]');
    process.exit(2);
  }
  const options = {
    events: Number(events),
    seed: seed ? Number(seed) : 2024,
    ...(path.endsWith('.xes.gz') ? { meanEventsPerCase: 3.75 } : {}),
  };
  await (path.endsWith('.xes.gz') ? writeXesGz(path, options) : writeCsv(path, options));
}
