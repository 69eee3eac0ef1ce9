/** A promise the test settles by hand: `answer` resolves it, `fail` rejects it (a save or action still on its way). */
export function deferred<T>() {
  let answer!: (value: T) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}
