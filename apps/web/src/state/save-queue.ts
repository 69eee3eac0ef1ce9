import { useState } from 'react';

/** What one save of a run learns when its turn comes. */
export interface SaveTurn {
  /**
   * Someone else's version refused an earlier save of this run: this one was made on what the screen showed
   * before, so it should not be sent over their version unseen.
   */
  readonly refused: boolean;
  /** No save was asked for after this one (so far): only the last of a run hands its answer to the screen. */
  last(): boolean;
  /** Someone else saved meanwhile: the saves still waiting in this run are told `refused`. */
  refuse(): void;
}

/**
 * Saves from one tab, one at a time: each is sent once the one before it is answered, so it can go on the
 * version that one produced. A second save asked for while the first is on its way (a double click on Save, a
 * value recorded just after adding its indicator, on a slow line) waits for it rather than being refused as if
 * someone else had saved. A run ends when nothing is waiting; a refusal lasts until then.
 */
export class SaveQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private refused = false;

  /** Sends `send` after the saves asked for before it; its promise is `send`'s. */
  add<R>(send: (turn: SaveTurn) => Promise<R>): Promise<R> {
    this.waiting += 1;
    const done = this.tail
      .then(() =>
        send({
          refused: this.refused,
          last: () => this.waiting === 1,
          refuse: () => {
            this.refused = true;
          },
        }),
      )
      .finally(() => {
        this.waiting -= 1;
        if (this.waiting === 0) this.refused = false;
      });
    // One save that fails does not stop those after it.
    this.tail = done.catch(() => undefined);
    return done;
  }

  /** Resolves once every save asked for so far is answered. */
  settled(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

/** One SaveQueue for the life of a component. */
export function useSaveQueue(): SaveQueue {
  return useState(() => new SaveQueue())[0];
}
