import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import type * as Playwright from 'playwright-core';

/** Where the server looks for Chromium to print PDFs; WAYMARK_CHROMIUM overrides it. */
export const defaultChromiumPath = (): string => process.env['WAYMARK_CHROMIUM'] ?? '/usr/bin/chromium';

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The niceness Chromium runs at: below the server's requests, so an export never slows editing (issue 9). */
export const CHROMIUM_NICENESS = 19;

interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly name: string;
}

/** Every process visible in /proc (Linux) with its parent and name; empty elsewhere. */
function processTable(): ProcessEntry[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const table: ProcessEntry[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (name) state ppid ...": the name may hold spaces or brackets, so read after its last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      table.push({ pid: Number(entry), ppid, name: stat.slice(stat.indexOf('(') + 1, close) });
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}

/** The Chromium processes this server started, with every process they forked (browser, zygotes, renderers). */
export function chromiumProcesses(): number[] {
  const table = processTable();
  let generation = table
    .filter((p) => p.ppid === process.pid && /chrom|headless/i.test(p.name))
    .map((p) => p.pid);
  const found: number[] = [];
  while (generation.length > 0) {
    found.push(...generation);
    const parents = new Set(generation);
    generation = table.filter((p) => parents.has(p.ppid)).map((p) => p.pid);
  }
  return found;
}

/**
 * Gives Chromium the lowest CPU priority, so the server's own requests go first on a small machine while an
 * export is drawn. Best effort: a process that ended or cannot be changed is left as it is.
 */
function lowerChromiumPriority() {
  for (const pid of chromiumProcesses()) {
    try {
      setPriority(pid, CHROMIUM_NICENESS);
    } catch {
      // gone, or not ours
    }
  }
}

export type ChromiumResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export type PdfResult =
  { readonly ok: true; readonly pdf: Uint8Array } | { readonly ok: false; readonly message: string };

export interface ChromiumPageOptions {
  readonly executablePath?: string;
  /** What the person can do instead when there is no Chromium (ends the message). */
  readonly otherwise: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly deviceScaleFactor?: number;
  /** Files the document may load, by URL (everything else is refused). */
  readonly files?: Readonly<Record<string, { readonly contentType: string; readonly body: string }>>;
}

/**
 * Loads a self-contained HTML document in a headless Chromium launched for this one job (exports are rare; an
 * idle browser would hold memory on a small server), runs `work` on the page and closes the browser. Scripts
 * are off and every request the document might make is refused, but for the `files` it is given.
 */
export async function withChromiumPage<T>(
  html: string,
  work: (page: Playwright.Page) => Promise<T>,
  options: ChromiumPageOptions,
): Promise<ChromiumResult<T>> {
  const executablePath = options.executablePath ?? defaultChromiumPath();
  if (!existsSync(executablePath))
    return {
      ok: false,
      message: `this export needs Chromium at ${executablePath}, which is not installed; ${options.otherwise}, or ask your administrator to install Chromium (or set WAYMARK_CHROMIUM)`,
    };
  let playwright: typeof Playwright;
  try {
    playwright = await import('playwright-core');
  } catch {
    return {
      ok: false,
      message: 'this export needs the playwright-core package, which is not installed on this server',
    };
  }
  const browser = await playwright.chromium.launch({ executablePath, args: launchArgs });
  try {
    const page = await browser.newPage({
      javaScriptEnabled: false,
      ...(options.viewport ? { viewport: { ...options.viewport } } : {}),
      ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    });
    // After the page exists, so its renderer (forked by Chromium's zygote, not by the browser) is lowered too.
    lowerChromiumPriority();
    // A 300-step poster takes 20 s on a busy 2-core machine; Playwright's 30 s default is too close.
    page.setDefaultTimeout(120_000);
    await page.route('**/*', (route) => {
      const file = options.files?.[route.request().url()];
      return file ? route.fulfill({ status: 200, ...file }) : route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    // again once the page has loaded: a process Chromium started meanwhile (its parent lowered only after the
    // fork, or started late) is lowered too
    lowerChromiumPriority();
    return { ok: true, value: await work(page) };
  } finally {
    await browser.close();
  }
}

/** Prints a self-contained HTML document to an A4 PDF with headless Chromium. */
export async function printPdf(html: string, executablePath = defaultChromiumPath()): Promise<PdfResult> {
  const printed = await withChromiumPage(html, (page) => page.pdf({ format: 'A4', printBackground: true }), {
    executablePath,
    otherwise: 'download the HTML and print it to PDF from a browser',
  });
  return printed.ok ? { ok: true, pdf: printed.value } : printed;
}

let lastChromiumJob: Promise<unknown> = Promise.resolve();
let chromiumJobs = 0;

/** Chromium jobs running or waiting their turn, so a route can refuse to queue more (see poster-export). */
export const chromiumJobsQueued = (): number => chromiumJobs;

/**
 * Runs Chromium jobs one at a time across the whole server (business-case PDFs, journey posters): each starts a
 * Chromium, and several at once would starve a small server. Each job waits for the ones before it, whatever
 * they ended in.
 */
export function oneChromiumAtATime<T>(job: () => Promise<T>): Promise<T> {
  chromiumJobs += 1;
  const next = lastChromiumJob.then(job, job).finally(() => (chromiumJobs -= 1));
  lastChromiumJob = next.catch(() => undefined);
  return next;
}

/** A PDF printer whose prints wait their turn with every other Chromium job. */
export function createPdfPrinter(print: (html: string) => Promise<PdfResult> = (html) => printPdf(html)) {
  return (html: string): Promise<PdfResult> => oneChromiumAtATime(() => print(html));
}
