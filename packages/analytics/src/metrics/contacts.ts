import { inCaseOrder, type CaseIndex } from '../model/case-index';

/**
 * Which events are customer contacts: with a channel column, the events that have a channel;
 * without one, every event (a contact log). 1 = contact.
 */
export function contactMask(index: CaseIndex): Uint8Array {
  const mask = new Uint8Array(index.events);
  const col = index.store.dim.channel;
  if (!col) return mask.fill(1);
  const channel = inCaseOrder(index, col);
  for (let p = 0; p < index.events; p++) mask[p] = (channel[p] as number) >= 0 ? 1 : 0;
  return mask;
}
