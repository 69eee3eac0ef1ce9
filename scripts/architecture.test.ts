import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedDependencies, allowedTestDependencies, purePackages } from './architecture-rules';

const root = join(import.meta.dirname, '..');
const workspaces = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => statSync(join(root, dir, name)).isDirectory())
    .map((name) => ({ name, dir: join(root, dir, name) })),
);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports, with whether the import is type-only. */
function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) found.push({ spec: (m[3] ?? m[4])!, typeOnly: Boolean(m[2]) });
  return found;
}

const srcOf = (ws: { dir: string }) => {
  const src = join(ws.dir, 'src');
  try {
    return statSync(src).isDirectory() ? sourceFiles(src) : [];
  } catch {
    return [];
  }
};

describe('architecture', () => {
  it('given the rules table, then every workspace in the tree is listed in it', () => {
    expect(workspaces.map((w) => w.name).sort()).toEqual(Object.keys(allowedDependencies).sort());
  });

  it('workspaces import only the @waymark packages the rules allow, and declare them in package.json', () => {
    const broken: string[] = [];
    for (const ws of workspaces) {
      const manifest = JSON.parse(readFileSync(join(ws.dir, 'package.json'), 'utf8'));
      const runtime = Object.keys(manifest.dependencies ?? {});
      const dev = Object.keys(manifest.devDependencies ?? {});
      for (const file of srcOf(ws)) {
        const isTest = /\.test\.tsx?$/.test(file);
        const allowed = [
          ...(allowedDependencies[ws.name] ?? []),
          ...(isTest ? (allowedTestDependencies[ws.name] ?? []) : []),
        ];
        const declared = isTest ? [...runtime, ...dev] : runtime;
        for (const { spec, typeOnly } of importsOf(file)) {
          if (spec.startsWith('.') && relative(ws.dir, resolve(dirname(file), spec)).startsWith('..')) {
            broken.push(
              `${relative(root, file)}: reaches outside its workspace with ${spec}; import the package instead`,
            );
          }
          const m = /^@waymark\/([a-z0-9-]+)/.exec(spec);
          if (!m) continue;
          const target = m[1]!;
          const where = relative(root, file);
          if (ws.name === 'web' && target === 'api' && typeOnly) continue;
          if (!allowed.includes(target))
            broken.push(`${where}: ${ws.name} may not import @waymark/${target}`);
          else if (!declared.includes(`@waymark/${target}`))
            broken.push(`${where}: @waymark/${target} is not in ${ws.name}'s package.json`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('pure packages import no Node built-ins and nothing from apps/', () => {
    const broken: string[] = [];
    for (const ws of workspaces.filter((w) => (purePackages as readonly string[]).includes(w.name))) {
      for (const file of srcOf(ws).filter((f) => !/\.test\.tsx?$/.test(f))) {
        for (const { spec } of importsOf(file)) {
          if (/^node:|^(fs|path|os|http|https|child_process|crypto)$/.test(spec) || spec.includes('/apps/')) {
            broken.push(`${relative(root, file)} imports ${spec}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('the allowed dependencies have no cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycle: string[] = [];
    const visit = (name: string, trail: string[]) => {
      if (done.has(name)) return;
      if (visiting.has(name)) {
        cycle.push([...trail, name].join(' → '));
        return;
      }
      visiting.add(name);
      for (const dep of allowedDependencies[name] ?? []) visit(dep, [...trail, name]);
      visiting.delete(name);
      done.add(name);
    };
    Object.keys(allowedDependencies).forEach((n) => visit(n, []));
    expect(cycle).toEqual([]);
  });
});
