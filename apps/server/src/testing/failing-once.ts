import type { Stores } from '@waymark/store';

type Area = 'accounts' | 'journeys';
type ArgsOf<F> = F extends (...args: infer P) => unknown ? P : never;

/**
 * The stores, but one method of one store rejects once, as a lost database connection would: on the first call
 * `when` picks (by default the first call). Every other call goes to the real store.
 */
export function failingOnce<A extends Area, M extends keyof Stores[A] & string>(
  stores: Stores,
  area: A,
  method: M,
  when: (...args: ArgsOf<Stores[A][M]>) => boolean = () => true,
): Stores {
  let failed = false;
  const real = stores[area][method] as (...args: unknown[]) => Promise<unknown>;
  const store = {
    ...stores[area],
    [method]: (...args: ArgsOf<Stores[A][M]>) => {
      if (!failed && when(...args)) {
        failed = true;
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      }
      return real(...args);
    },
  };
  return { ...stores, [area]: store };
}
