import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

/**
 * Starts the worker module `name` (a sibling of `base`, without extension). Workers do not inherit tsx's
 * loader hooks: when running from TypeScript sources, the worker registers tsx itself before importing
 * the module.
 */
export function startWorker(
  base: string,
  name: string,
  workerData: unknown,
  transferList: readonly TransferListItem[] = [],
  resourceLimits?: ResourceLimits,
): Worker {
  const options = {
    workerData,
    transferList: [...transferList],
    ...(resourceLimits ? { resourceLimits } : {}),
  };
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), options);
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL(`./${name}.ts`, base).href;
  return new Worker(
    `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`,
    { eval: true, ...options },
  );
}
