import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { chunksOf, seeded, utf8 } from '../testing/fixtures';
import { importLogFile } from './import-log';
import { importXes } from './xes';

const xes = `<?xml version="1.0" encoding="UTF-8" ?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="concept:name" value="UNKNOWN"/><date key="time:timestamp" value="1970-01-01T00:00:00+01:00"/></global>
  <string key="concept:name" value="the log's own name"/>
  <trace>
    <string key="concept:name" value="case &amp; 1"/>
    <string key="channel" value="Phone"/>
    <event>
      <string key="concept:name" value="Report"/>
      <date key="time:timestamp" value="2024-03-01T10:00:00.000+01:00"/>
      <string key="org:group" value="Contact centre"/>
      <string key="lifecycle:transition" value="complete"/>
      <container key="address"><string key="concept:name" value="not an activity"/></container>
    </event>
    <event>
      <list key="tags"><values><string key="concept:name" value="nested, ignored"/></values></list>
      <string key="concept:name" value="Visit"/>
      <date key="time:timestamp" value="2024-03-01T08:00:00Z"/>
      <string key="org:group" value="Housing"/>
      <string key="lifecycle:transition" value="start"/>
    </event>
    <event>
      <date key="time:timestamp" value="2024-03-02T08:00:00Z"/>
    </event>
    <event>
      <string key="concept:name" value="Close"/>
      <date key="time:timestamp" value="2024-03-02"/>
      <string key="lifecycle:transition" value="complete"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="2"/>
    <event><string key="concept:name" value="Report"/><date key="time:timestamp" value="2024-03-05T09:00:00.123456-05:00"/></event>
  </trace>
</log>`;

describe('importXes', () => {
  it('given nested, list and trace attributes and several date forms, when imported, then only direct event attributes count and times are UTC', async () => {
    const { store, report } = await importXes(chunksOf(utf8(xes), 50));
    const a = analyseLog(store);
    expect(a.cases.cases).toBe(2);
    expect(a.cases.events).toBe(4);
    expect(report.rejectedRows).toBe(1);
    expect(report.rejections[0]).toMatchObject({
      line: 22,
      field: 'concept:name',
      reason: expect.stringMatching(/no concept:name attribute/),
    });
    // Visit 08:00Z precedes Report 09:00Z (10:00+01:00): ordered by time, not file order
    expect(a.variants.top.map((v) => v.activities)).toContainEqual(['Visit', 'Report', 'Close']);
    expect(store.cases.values()).toContain('case & 1');
    expect(a.cases.end).toBeCloseTo(Date.UTC(2024, 2, 5, 14, 0, 0, 123) + 0.456, 6);
    // the trace's channel is inherited by its events; the hand-off is Housing → Contact centre
    expect(a.channels?.channels[0]).toMatchObject({ channel: 'Phone', contacts: 3 });
    expect(a.handoffs?.matrix).toEqual([{ from: 'Housing', to: 'Contact centre', count: 1 }]);
  });

  it('given a lifecycle filter, when imported, then start events are filtered (also with automatic mapping off)', async () => {
    for (const autoMap of [true, false]) {
      const { store, report } = await importXes(chunksOf(utf8(xes)), { lifecycle: 'complete', autoMap });
      expect(report.filteredRows).toBe(2);
      expect(store.size).toBe(2);
    }
  });

  it('given an entity bomb, when imported, then the DOCTYPE is refused before anything expands', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE log [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><log><trace><string key="concept:name" value="&c;"/></trace></log>`;
    await expect(importXes(chunksOf(utf8(bomb)))).rejects.toThrow(
      /line 1: the XES file declares a DOCTYPE; refused/,
    );
  });

  it('given an external entity, when imported, then it is refused and no file is read', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<log><trace><string key="concept:name" value="&x;"/></trace></log>`;
    await expect(importXes(chunksOf(utf8(xxe)))).rejects.toMatchObject({ code: 'xml_refused' });
  });

  it('given malformed XML, when imported, then the error names the line', async () => {
    await expect(importXes(chunksOf(utf8('<log>\n<trace>\n<event></trace>\n</log>')))).rejects.toThrow(
      /line 3: the XES file is not well-formed XML/,
    );
  });

  it('given a truncated XES.gz file, when imported, then it says the gzip is truncated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-xes-'));
    const gz = gzipSync(utf8(xes.repeat(1)));
    writeFileSync(join(dir, 'cut.xes.gz'), gz.subarray(0, gz.length - 40));
    writeFileSync(join(dir, 'whole.xes.gz'), gz);
    await expect(importLogFile(join(dir, 'cut.xes.gz'))).rejects.toMatchObject({
      code: 'corrupt_gzip',
      message: expect.stringMatching(/truncated/),
    });
    const whole = await importLogFile(join(dir, 'whole.xes.gz'));
    expect(whole.report.format).toBe('xes');
    expect(whole.store.size).toBe(4);
  });
});

describe('XES attribute forms', () => {
  it('given single quotes, value before key, extra spaces and references, when imported, then the values are the same', async () => {
    const doc = `<log><trace><string value='A &#38; B' key='concept:name' />
      <event><string   key="concept:name"   value="Say &quot;hi&quot; &lt;now&gt;"/><date value="2024-01-01T00:00:00Z" key="time:timestamp"/></event>
      <event><string key="concept:name" value="Plain"/><date key="time:timestamp" value="2024-01-02T00:00:00Z"/></event></trace></log>`;
    const { store } = await importXes(chunksOf(utf8(doc), 7));
    expect(store.cases.values()).toEqual(['A & B']);
    expect(store.activities.values()).toEqual(['Say "hi" <now>', 'Plain']);
  });

  it('given an undefined entity or a raw "<" in a value, then the error names the line', async () => {
    await expect(
      importXes(chunksOf(utf8('<log>\n<trace><string key="concept:name" value="&nbsp;"/></trace></log>'))),
    ).rejects.toThrow(/line 2: .*undefined entity &nbsp;/);
    await expect(
      importXes(chunksOf(utf8('<log>\n\n<trace><string key="concept:name" value="a<b"/></trace></log>'))),
    ).rejects.toThrow(/line 3: .*"<" inside an attribute value/);
  });

  it('given a document cut off inside the log, then it says the file may be truncated', async () => {
    await expect(
      importXes(chunksOf(utf8('<log><trace><event><string key="concept:name" value="A"/>'))),
    ).rejects.toThrow(/still open \(the file may be truncated\)/);
  });
});

/** Everything an import gives that a chunk boundary could change: the events, the names, the report. */
async function importedAt(parts: Uint8Array[]): Promise<unknown> {
  async function* source(): AsyncGenerator<Uint8Array> {
    for (const part of parts) yield part;
  }
  try {
    const { store, report } = await importXes(source(), { mapping: { resource: 'org:resource' } });
    const events = [];
    for (let i = 0; i < store.size; i++)
      events.push([
        store.cases.value(store.caseOf[i] as number),
        store.activities.value(store.activityOf[i] as number),
        store.time[i],
        (store.dim.resource?.[i] ?? -1) >= 0
          ? store.dims.resource.value(store.dim.resource?.[i] as number)
          : null,
      ]);
    return { events, report };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

describe('XES split into chunks at every byte', () => {
  // comments, CDATA, a processing instruction, tags over several lines, single quotes, references and
  // multi-byte characters, so that a boundary falls inside each kind of token
  const doc = `<?xml version="1.0"?>
<!-- a comment with <tags> and > inside -->
<log><trace>
  <string key="concept:name" value="caf\u00e9 &amp; 1"/>
  <event><![CDATA[ <event> ]]><string
      key='concept:name'
      value='R&#233;port &lt;1&gt;'/><date key="time:timestamp" value="2024-03-01T10:00:00.500+01:00"/>
    <string key="org:resource" value="&quot;Ann&quot;"/></event>
  <?pi some > thing?>
  <event><string key="concept:name" value="Visit"/><date key="time:timestamp" value="2024-03-02T08:00:00Z"/></event>
  <event><string key="concept:name" value="Bad time"/><date key="time:timestamp" value="soon"/></event>
</trace></log>
`;
  const bytes = utf8(doc);

  it('given a document with every kind of token, when split in two at any byte, then the import is the same', async () => {
    const whole = await importedAt([bytes]);
    expect(whole).toMatchObject({ report: { rows: 3, rejectedRows: 1 } });
    expect((whole as { events: unknown[] }).events).toEqual([
      ['café & 1', 'Réport <1>', Date.UTC(2024, 2, 1, 9, 0, 0, 500), '"Ann"'],
      ['café & 1', 'Visit', Date.UTC(2024, 2, 2, 8), null],
    ]);
    for (let at = 1; at < bytes.length; at++)
      expect(await importedAt([bytes.subarray(0, at), bytes.subarray(at)]), `split at ${at}`).toEqual(whole);
  });

  it('given the same document in three pieces, then the import is the same wherever the cuts fall', async () => {
    const whole = await importedAt([bytes]);
    for (let a = 1; a < bytes.length; a += 11)
      for (let b = a + 1; b < bytes.length; b += 13)
        expect(
          await importedAt([bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)]),
          `cuts at ${a} and ${b}`,
        ).toEqual(whole);
  });

  it('given a tag never closed, a "<" without a name, or ">" inside a value, when split at any byte, then the import or error is the same', async () => {
    const cases: [string, RegExp | undefined][] = [
      [
        '<log>\n<trace><string key="concept:name" value="A"/',
        /^line 2: .*a tag is never closed \(expected ">"\)/,
      ],
      ['<log>\n\n<trace', /^line 3: .*a tag is never closed/],
      ['<log>\n< trace></trace></log>', /^line 2: .*a "<" is not followed by a tag name/],
      [
        '<log><trace><string key="concept:name" value="x > y"/><event><string key="concept:name" value="A&gt;B"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event></trace></log>',
        undefined,
      ],
    ];
    for (const [text, error] of cases) {
      const b = utf8(text);
      const whole = await importedAt([b]);
      if (error) expect(whole, text).toEqual({ error: expect.stringMatching(error) });
      else
        expect((whole as { events: unknown[] }).events).toEqual([
          ['x > y', 'A>B', Date.UTC(2024, 0, 1), null],
        ]);
      for (let at = 1; at < b.length; at++)
        expect(await importedAt([b.subarray(0, at), b.subarray(at)]), `${text} split at ${at}`).toEqual(
          whole,
        );
    }
  });

  it('given a malformed document, when split at any byte, then the error and its line are the same', async () => {
    const bad = utf8(doc.replace('</event>\n  <?pi', '</evnt>\n  <?pi'));
    const whole = await importedAt([bad]);
    expect(whole).toEqual({ error: expect.stringMatching(/^line 8: .*<\/evnt> closes <event>/) });
    for (let at = 1; at < bad.length; at++)
      expect(await importedAt([bad.subarray(0, at), bad.subarray(at)]), `split at ${at}`).toEqual(whole);
  });

  it('given a byte that is not UTF-8, when split at any byte (also just after it), then the error names the same byte, line and column', async () => {
    const text = utf8(doc.replace('value="Visit"', 'value="Vis^t"'));
    const bad = text.map((b) => (b === 94 ? 0xff : b)); // the one "^" becomes a byte UTF-8 never has
    const whole = await importedAt([bad]);
    expect(whole).toEqual({ error: expect.stringMatching(/line 10, column 47: byte 433 .*\(0xFF\)/) });
    for (let at = 1; at < bad.length; at++)
      expect(await importedAt([bad.subarray(0, at), bad.subarray(at)]), `split at ${at}`).toEqual(whole);
  });

  it('given a file that ends inside a character, then the error names its first byte and where it is', async () => {
    const cut = utf8('<log>\n  <trace/></log>\n\u00e9').subarray(0, -1); // "é" without its second byte
    expect(await importedAt([cut])).toEqual({
      error: expect.stringMatching(/^line 3, column 1: byte 24 of the file \(0xC3\)/),
    });
    expect(await importedAt([cut.subarray(0, 10), cut.subarray(10)])).toEqual(await importedAt([cut]));
  });
});

describe('the line of each rejected event', () => {
  // each event's line is counted as the scanner passes the bytes between tokens and over each token: every
  // layout that puts a line break somewhere else (a long run of blank lines, a break inside a tag, a value or
  // a comment, CRLF) is here, and each event's line is found in the text itself
  const layouts: ((i: number) => string)[] = [
    () => '\n    <event><string key="concept:name" value="A"/></event>',
    () => `${'\n'.repeat(40)}${' '.repeat(30)}<event>\n<string key="concept:name" value="B"/>\n</event>`,
    () => '\r\n\t<event\n  ><string\nkey="concept:name"\n value="C"/></event\n>',
    () => '\n<event><string key="concept:name" value="a value\nover\nthree lines"/></event>',
    () =>
      '\n<!-- a comment\nover lines --><event><?pi \n?><![CDATA[\n]]><string key="concept:name" value="D"/></event>',
    (i) =>
      `\n<event><string key="note" value="${'x'.repeat(300 + i)}\n"/><string key="concept:name" value="E"/></event>`,
    () => '\n<event><string key="concept:name" value="F &amp;\nG"/></event>',
  ];

  it('given events laid out every way, when read whole and in chunks of any size, then each is rejected with the line it starts on', async () => {
    let doc = '<?xml version="1.0"?>\n<log>\n<trace><string key="concept:name" value="1"/>';
    for (let i = 0; i < 60; i++) doc += (layouts[i % layouts.length] as (i: number) => string)(i);
    doc += '\n</trace>\n</log>\n';
    const expected: number[] = [];
    for (let at = doc.indexOf('<event'); at >= 0; at = doc.indexOf('<event', at + 1))
      expected.push(doc.slice(0, at).split('\n').length);
    expect(expected).toHaveLength(60);
    for (const size of [doc.length, 1, 7, 64, 1000]) {
      // no event has a time: every one is rejected, with its line
      const { report } = await importXes(chunksOf(utf8(doc), size), { maxRejectionsListed: 1000 });
      expect(
        report.rejections.map((r) => r.line),
        `chunks of ${size}`,
      ).toEqual(expected);
    }
  });
});

describe('attributes in changing orders', () => {
  it('given events whose attributes come in shifting orders beside look-alike keys, when imported in any chunk size, then each event has its own values', async () => {
    // the scanner predicts each key-value tag from the one before; orders that change, keys that begin or end
    // like a wanted one, and another tag with the same key must never be taken for the predicted tag
    const random = seeded(5);
    const keys = [
      'concept:name',
      'time:timestamp',
      'org:resource',
      'org:resource2',
      'org:resourc',
      'concept:names',
    ];
    let doc = '<log>\n';
    const expected: unknown[] = [];
    for (let t = 0; t < 40; t++) {
      doc += `<trace><string key="concept:name" value="c${t}"/>\n`;
      for (let e = 0; e < 1 + (t % 4); e++) {
        const order = [...keys].sort(() => random() - 0.5).slice(0, 3 + Math.floor(random() * 4));
        if (!order.includes('concept:name')) order.push('concept:name');
        if (!order.includes('time:timestamp')) order.unshift('time:timestamp');
        const minute = t * 10 + e;
        const value = (k: string): string =>
          k === 'time:timestamp'
            ? `2024-03-01T10:${String(minute % 60).padStart(2, '0')}:00+01:00`
            : `${k}-${t}-${e}`;
        doc += '  <event>';
        for (const k of order)
          doc += `<${k === 'time:timestamp' ? 'date' : k === 'org:resourc' ? 'int' : 'string'} key="${k}" value="${value(k)}"/>\n`;
        doc += '</event>\n';
        expected.push([
          `c${t}`,
          value('concept:name'),
          Date.UTC(2024, 2, 1, 9, minute % 60),
          order.includes('org:resource') ? value('org:resource') : null,
        ]);
      }
      doc += '</trace>\n';
    }
    doc += '</log>\n';
    const sortEvents = (r: unknown): unknown[] =>
      [...(r as { events: unknown[][] }).events].sort((a, b) => String(a).localeCompare(String(b)));
    const whole = await importedAt([utf8(doc)]);
    expect(sortEvents(whole)).toEqual([...expected].sort((a, b) => String(a).localeCompare(String(b))));
    const bytes = utf8(doc);
    for (const size of [1, 5, 33, 200]) {
      const parts: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
      expect(await importedAt(parts), `chunks of ${size}`).toEqual(whole);
    }
  });
});
