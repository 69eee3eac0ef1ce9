/**
 * `npm run bench:exports`: how long the journey poster takes to export as PDF and PNG through the API, with
 * the server's Chromium (/usr/bin/chromium, or WAYMARK_CHROMIUM), one export at a time as the server runs them.
 *
 * Journeys: the Melton ASB victim journey from examples/ (one A3 sheet) and a generated 300-step × 12-lane
 * journey (Melton's six lanes twice, one card per lane per step: 3,600 cards), which tiles over 34 A3 sheets.
 * Each export runs RUNS times (default 3); the medians, file sizes and page counts are printed and written to
 * bench-out/exports.json with the load average, since a busy 2-core machine slows Chromium a lot.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Journey } from '@waymark/core';
import { readJourneyText } from '@waymark/document';
import { createTestApi } from '@waymark/api';

const runs = Number(process.env['RUNS'] ?? 3);
const read = readJourneyText(
  readFileSync(new URL('../examples/melton-asb-victim-current.yaml', import.meta.url), 'utf8'),
);
if (!read.ok) throw new Error('examples/melton-asb-victim-current.yaml does not read');
const melton = read.value;

/** 300 steps × 12 lanes: Melton's lanes twice over, each cell holding a copy of the lane's first card. */
function longJourney(): Journey {
  const lanes = [...melton.lanes, ...melton.lanes.map((l) => ({ ...l, id: `${l.id}-2` }))];
  const columns = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, label: `Step ${i + 1}` }));
  const first = new Map(melton.cards.map((c) => [c.laneId as string, c]));
  const cards = lanes.flatMap((lane) =>
    columns.map((c) => ({
      ...first.get(lane.id.replace(/-2$/, ''))!,
      id: `${lane.id}-${c.id}`,
      laneId: lane.id,
      columnId: c.id,
    })),
  );
  return {
    ...melton,
    id: 'long-300x12',
    stages: [],
    columns,
    lanes,
    cards,
    links: [],
    ideas: [],
  } as unknown as Journey;
}

const pages = (bytes: Uint8Array) =>
  (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?!s)/g) ?? []
  ).length;

const t = await createTestApi();
try {
  await t.addUser('Ed', { ws: 'w1', role: 'editor' });
  const ed = await t.signIn('Ed');
  const journeys = [melton, longJourney()];
  for (const journey of journeys) {
    const res = await ed.request('POST', '/api/workspaces/w1/journeys', { journey });
    if (res.status !== 201) throw new Error(`could not store ${journey.id}: ${await res.text()}`);
  }
  const results: Record<string, unknown>[] = [];
  for (const journey of journeys) {
    for (const query of ['format=pdf', 'format=pdf&sheets=fit', 'format=png']) {
      const times: number[] = [];
      let bytes = new Uint8Array();
      for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        const res = await ed.request('GET', `/api/workspaces/w1/journeys/${journey.id}/poster?${query}`);
        bytes = new Uint8Array(await res.arrayBuffer());
        if (res.status !== 200)
          throw new Error(`${journey.id} ${query}: ${res.status} ${Buffer.from(bytes).toString()}`);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const row = {
        journey: journey.id,
        query,
        medianMs: Math.round(times[Math.floor(times.length / 2)]!),
        kib: Math.round(bytes.length / 1024),
        ...(query.startsWith('format=pdf')
          ? { pages: pages(bytes) }
          : { pixels: `${Buffer.from(bytes).readUInt32BE(16)}×${Buffer.from(bytes).readUInt32BE(20)}` }),
      };
      results.push(row);
      console.log(JSON.stringify(row));
    }
  }
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  console.log(`load average ${load.join(' ')} (runs: ${runs})`);
  await mkdir(new URL('../bench-out/', import.meta.url), { recursive: true });
  await writeFile(
    new URL('../bench-out/exports.json', import.meta.url),
    JSON.stringify({ load, runs, results }, null, 2),
  );
} finally {
  await t.close();
}
