import { existsSync } from 'node:fs';
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

export type PdfResult =
  { readonly ok: true; readonly pdf: Uint8Array } | { readonly ok: false; readonly message: string };

/**
 * Prints a self-contained HTML document to an A4 PDF with headless Chromium, launched for this one document
 * and closed afterwards (PDFs are rare; an idle browser would hold memory on a small server).
 */
export async function printPdf(html: string, executablePath = defaultChromiumPath()): Promise<PdfResult> {
  if (!existsSync(executablePath))
    return {
      ok: false,
      message: `PDF export needs Chromium at ${executablePath}, which is not installed; download the HTML and print it to PDF from a browser, or ask your administrator to install Chromium (or set WAYMARK_CHROMIUM)`,
    };
  let playwright: typeof Playwright;
  try {
    playwright = await import('playwright-core');
  } catch {
    return {
      ok: false,
      message: 'PDF export needs the playwright-core package, which is not installed on this server',
    };
  }
  const browser = await playwright.chromium.launch({ executablePath, args: launchArgs });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The document is self-contained: refuse any request it might make.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return { ok: true, pdf: await page.pdf({ format: 'A4', printBackground: true }) };
  } finally {
    await browser.close();
  }
}

/**
 * One print at a time: each print starts a Chromium, and several at once would starve a small server. Each
 * call waits for the ones before it, whatever they ended in.
 */
export function createPdfPrinter(print: (html: string) => Promise<PdfResult> = (html) => printPdf(html)) {
  let last: Promise<unknown> = Promise.resolve();
  return (html: string): Promise<PdfResult> => {
    const next = last.then(
      () => print(html),
      () => print(html),
    );
    last = next.catch(() => undefined);
    return next;
  };
}
