import { describe, expect, it } from 'vitest';
import { deferred } from './deferred.fixture';
import { SaveQueue } from './save-queue';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SaveQueue', () => {
  it('sends each save once the one before it is answered, on the version that one produced', async () => {
    const queue = new SaveQueue();
    let version = 1;
    const sent: number[] = [];
    const first = deferred<number>();
    const a = queue.add(async () => {
      sent.push(version);
      version = await first.promise;
      return version;
    });
    const b = queue.add(async () => {
      sent.push(version);
      version += 1;
      return version;
    });
    await tick();
    expect(sent).toEqual([1]);
    first.answer(2);
    expect(await a).toBe(2);
    expect(await b).toBe(3);
    expect(sent).toEqual([1, 2]);
  });

  it('tells only the last save of a run that it is last, and a save asked for later starts a new run', async () => {
    const queue = new SaveQueue();
    const last: boolean[] = [];
    const save = () => queue.add(async (turn) => void last.push(turn.last()));
    await Promise.all([save(), save(), save()]);
    await save();
    expect(last).toEqual([false, false, true, true]);
  });

  it('after a refusal, the rest of the run is told refused; the next run is not', async () => {
    const queue = new SaveQueue();
    const refused: boolean[] = [];
    const first = queue.add(async (turn) => {
      refused.push(turn.refused);
      turn.refuse();
    });
    const rest = [1, 2].map(() => queue.add(async (turn) => void refused.push(turn.refused)));
    await Promise.all([first, ...rest]);
    await queue.add(async (turn) => void refused.push(turn.refused));
    expect(refused).toEqual([false, true, true, false]);
  });

  it('a save that fails gives its error to its caller and does not stop the ones after it', async () => {
    const queue = new SaveQueue();
    const failing = deferred<never>();
    const a = queue.add(() => failing.promise);
    const b = queue.add(async () => 'sent');
    failing.fail(new Error('offline'));
    await expect(a).rejects.toThrow('offline');
    expect(await b).toBe('sent');
    await queue.settled();
  });
});
