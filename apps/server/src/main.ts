import { createTranslator } from '@waymark/i18n';
import { helpLocale } from '@waymark/i18n/help';
import { readConfig } from './config';
import { startServer } from './start-server';
import { StartUpProblem } from './start-up-problem';

/**
 * `npm start`: reads the environment, starts Waymark, prints how to sign in, stops cleanly on a signal. What it
 * prints comes from the catalogue (`server.*`), in the language of WAYMARK_LANG, LC_ALL or LANG (cy_GB.UTF-8 gives
 * Welsh; English otherwise), as the command line chooses its own.
 */
async function main(): Promise<number> {
  const { t } = createTranslator(helpLocale(process.env));
  const config = readConfig(process.env, process.cwd());
  if ('error' in config) {
    console.error(t('server.cannotStart', { problem: t(config.error.id, config.error.values) }));
    return 2;
  }
  let server;
  try {
    server = await startServer(config);
  } catch (error) {
    const problem = error instanceof StartUpProblem ? t(error.id, error.values) : (error as Error).message;
    console.error(t('server.cannotStart', { problem }));
    return 1;
  }
  // One write, so whoever reads the output (a test, a supervisor) sees the sign-in details with the URL.
  const lines = [
    t('server.running', { url: server.url, database: server.database, dataDir: config.dataDir }),
  ];
  if (!server.servingWebApp) lines.push(t('server.noWebApp', { url: server.url }));
  const first = server.firstStart;
  if (first) {
    const indented = (line: string) => `  ${line}`;
    lines.push(
      '',
      // A first start that failed part way, before its password was shown, finished by this one.
      t(first.finishedUnfinished ? 'server.firstStart.finished' : 'server.firstStart.created'),
      indented(
        t('server.firstStart.examples', {
          count: first.loaded.length,
          named: first.loaded.length ? 'yes' : 'no',
          names: first.loaded.join(', '),
        }),
      ),
      ...(first.wholeProblem
        ? [indented(t('server.firstStart.wholeProblem', { journey: first.wholeProblem }))]
        : []),
      ...(first.demoLog
        ? [indented(t('server.firstStart.demoLog', { journey: first.demoLog.attachedTo }))]
        : []),
      ...first.skipped.map((skipped) => indented(t(skipped.id, skipped.values))),
      '',
      indented(t('server.firstStart.signIn', { url: server.url, email: first.adminEmail })),
      ...(first.password !== undefined
        ? [indented(t('server.firstStart.password', { password: first.password }))]
        : [indented(t('server.firstStart.passwordKept'))]),
      ...(first.password !== undefined && first.finishedUnfinished
        ? [indented(t('server.firstStart.onlyThisOne'))]
        : []),
      ...(first.adminEmailWas !== undefined
        ? [
            indented(
              t('server.firstStart.emailChanged', { was: first.adminEmailWas, email: first.adminEmail }),
            ),
          ]
        : []),
      '',
      ...(first.passwordExpiresAt !== undefined
        ? [
            indented(
              t('server.firstStart.until', {
                until: first.passwordExpiresAt.slice(0, 16).replace('T', ' '),
              }),
            ),
            indented(t('server.firstStart.choose')),
          ]
        : []),
      indented(t('server.firstStart.lost')),
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(t('server.stopping', { signal }));
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Printed once the signals are handled: whoever reads it (a test, a supervisor) may stop Waymark straight away.
  console.log(lines.join('\n'));
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
