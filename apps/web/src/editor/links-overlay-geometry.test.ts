import type { Journey, Link } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import {
  LINK_BAND_TOP,
  LINK_CHIP_WIDTH,
  LINK_TRACK_HEIGHT,
  layOutLinks,
  type ArrowLayout,
} from './links-overlay-geometry';

const W = 248;
const columns = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, label: id.toUpperCase() }));
const journeyOf = (links: readonly Record<string, unknown>[], cols = columns) =>
  ({ columns: cols, links }) as unknown as Pick<Journey, 'columns' | 'links'>;
const step = (id: string, kind: Link['kind'], from: string, to: string, label?: string) => ({
  id,
  kind,
  from: { columnId: from },
  to: { kind: 'column', columnId: to },
  ...(label ? { label } : {}),
});
const byId = (arrows: readonly ArrowLayout[], id: string) => arrows.find((a) => a.link.id === id)!;
const centre = (i: number) => i * W + W / 2;

describe('links on the map: geometry', () => {
  it('given a link from step C back to step A, then it leaves C’s centre and ends going up into A’s', () => {
    const { arrows, tracks, height } = layOutLinks(journeyOf([step('l1', 'feedback-loop', 'c', 'a')]), W);
    const arrow = arrows[0]!;
    expect(arrow.x1).toBe(centre(2));
    expect(arrow.x2).toBe(centre(0));
    expect(arrow.endsInStep).toBe(true);
    expect(arrow.path).toBe(`M ${centre(2)} 0 V ${arrow.y} H ${centre(0)} V 2`);
    // The label sits at the left end of the run, on the line.
    expect(arrow.chipX).toBe(centre(0) + 8);
    expect(arrow.stopX).toBeNull();
    expect(tracks).toBe(1);
    expect(arrow.y).toBe(LINK_BAND_TOP + LINK_TRACK_HEIGHT / 2);
    expect(height).toBe(LINK_BAND_TOP * 2 + LINK_TRACK_HEIGHT);
  });

  it('given other column widths (zoom, a resized map) or a step added before, then the arrows follow the columns', () => {
    const links = [step('l1', 'hand-off', 'b', 'd')];
    const wide = layOutLinks(journeyOf(links), 300).arrows[0]!;
    expect([wide.x1, wide.x2]).toEqual([300 + 150, 3 * 300 + 150]);
    const added = layOutLinks(journeyOf(links, [{ id: 'new', label: 'New' }, ...columns]), W).arrows[0]!;
    expect([added.x1, added.x2]).toEqual([centre(2), centre(4)]);
    const removed = layOutLinks(
      journeyOf(
        links,
        columns.filter((c) => c.id !== 'a'),
      ),
      W,
    ).arrows[0]!;
    expect([removed.x1, removed.x2]).toEqual([centre(0), centre(2)]);
  });

  it('given a link whose step is gone, then it is left out rather than drawn at the edge', () => {
    const { arrows, height } = layOutLinks(journeyOf([step('l1', 'hand-off', 'zz', 'a')]), W);
    expect(arrows).toEqual([]);
    expect(height).toBe(0);
  });

  it('given overlapping runs, then they go on separate tracks, and a run that fits beside another shares its track', () => {
    const { arrows, tracks } = layOutLinks(
      journeyOf([
        step('long', 'hand-off', 'a', 'e'),
        step('inside', 'feedback-loop', 'c', 'b'),
        step('after', 'hand-off', 'f', 'f'),
      ]),
      W,
    );
    const long = byId(arrows, 'long');
    const inside = byId(arrows, 'inside');
    const after = byId(arrows, 'after');
    expect(long.track).toBe(0);
    expect(inside.track).toBe(1);
    expect(inside.y - long.y).toBe(LINK_TRACK_HEIGHT);
    // F starts right of where the long run (and its label) ends: the first track is free again.
    expect(after.left).toBeGreaterThan(long.right);
    expect(after.track).toBe(0);
    expect(tracks).toBe(2);
    // No two arrows on one track overlap, labels included.
    for (const a of arrows)
      for (const b of arrows)
        if (a !== b && a.track === b.track) expect(a.right < b.left || b.right < a.left).toBe(true);
    for (const a of arrows) expect(a.right).toBeGreaterThanOrEqual(a.chipX + LINK_CHIP_WIDTH);
  });

  it('given several lines ending in one step, then their ends are spread apart there, ordered so that they do not cross', () => {
    const { arrows } = layOutLinks(
      journeyOf([
        step('to-right', 'hand-off', 'c', 'e'),
        step('to-left', 'feedback-loop', 'c', 'a'),
        step('in-from-right', 'feedback-loop', 'f', 'c'),
      ]),
      W,
    );
    const xs = ['to-left', 'to-right'].map((id) => byId(arrows, id).x1);
    const incoming = byId(arrows, 'in-from-right').x2;
    // Three ends in C: the one going left is leftmost; the two going right follow, the farther one last.
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(new Set([...xs, incoming]).size).toBe(3);
    const all = [...xs, incoming].sort((a, b) => a - b);
    expect(all[0]).toBe(byId(arrows, 'to-left').x1);
    for (const x of all) expect(Math.abs(x - centre(2))).toBeLessThanOrEqual(W * 0.3);
    expect(all[1]! - all[0]!).toBeCloseTo(all[2]! - all[1]!);
  });

  it('given a link that stays in its step, then its two ends are apart and it still has a run to hold its label', () => {
    const arrow = layOutLinks(journeyOf([step('same', 'feedback-loop', 'b', 'b')]), W).arrows[0]!;
    expect(arrow.x1).not.toBe(arrow.x2);
    expect(arrow.right - arrow.left).toBeGreaterThanOrEqual(LINK_CHIP_WIDTH);
  });

  it('given links to the customer and to an organisation, then each ends at a stop after its label, or comes back up into its return step', () => {
    const { arrows } = layOutLinks(
      journeyOf([
        { id: 'cust', kind: 'outside-request', from: { columnId: 'b' }, to: { kind: 'customer' } },
        {
          id: 'org',
          kind: 'outside-request',
          from: { columnId: 'c' },
          to: { kind: 'organisation', organisationId: 'police' },
          returnsTo: { columnId: 'f' },
        },
      ]),
      W,
    );
    const cust = byId(arrows, 'cust');
    expect(cust.endsInStep).toBe(false);
    expect(cust.stopX).toBeGreaterThanOrEqual(cust.chipX + LINK_CHIP_WIDTH);
    expect(cust.x2).toBe(cust.stopX);
    expect(cust.path.endsWith('V 2')).toBe(false);
    const org = byId(arrows, 'org');
    expect(org.endsInStep).toBe(true);
    expect(org.x2).toBe(centre(5));
    expect(org.stopX).toBeGreaterThanOrEqual(org.chipX + LINK_CHIP_WIDTH);
  });

  it('orders the arrows for reading (and Tab) by the step they leave, then from the top track down', () => {
    const { arrows } = layOutLinks(
      journeyOf([
        step('from-e', 'hand-off', 'e', 'f'),
        step('from-a', 'hand-off', 'a', 'b'),
        step('from-c', 'feedback-loop', 'c', 'a'),
      ]),
      W,
    );
    expect(arrows.map((a) => a.link.id)).toEqual(['from-a', 'from-c', 'from-e']);
  });
});
