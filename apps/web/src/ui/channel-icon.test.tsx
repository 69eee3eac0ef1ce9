import { channelIds, channels } from '@waymark/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChannelIcon, channelGlyphs } from './channel-icon';

const drawn = (channel: (typeof channelIds)[number]) =>
  renderToStaticMarkup(<ChannelIcon channel={channel} />);

describe('channel icons', () => {
  it('given the channel registry in core, then every channel has a drawing and no drawing is left over', () => {
    expect(Object.keys(channelGlyphs).sort()).toEqual([...channelIds].sort());
    for (const id of channelIds) expect(channelGlyphs[id], `no icon for the ${id} channel`).toBeDefined();
  });

  it.each(channelIds)(
    'given the %s channel, then it is drawn as hidden SVG shapes in currentColor, never an emoji or text',
    (id) => {
      const svg = drawn(id);
      expect(svg).toMatch(/^<svg [^>]*aria-hidden="true"/);
      expect(svg).toContain('focusable="false"');
      expect(svg).toContain('stroke="currentColor"');
      expect(svg).toMatch(/<(path|circle|ellipse|rect) /);
      // No text node and no character of core's emoji: the drawing must show without an emoji font.
      expect(svg.replace(/<[^>]*>/g, '')).toBe('');
      expect(svg).not.toContain(channels[id].icon);
      // Monochrome: no fixed colour, so it follows the text colour (and forced colours / high contrast).
      expect(svg).not.toMatch(/(fill|stroke)="#/);
    },
  );

  it('given the ten drawings, then no two channels look the same', () => {
    const bodies = channelIds.map((id) => drawn(id).replace(/^<svg[^>]*>/, ''));
    expect(new Set(bodies).size).toBe(channelIds.length);
  });
});
