import { readConfig } from './config';
import { startServer } from './start-server';

/** `npm start`: reads the environment, starts Waymark, prints how to sign in, stops cleanly on a signal. */
async function main(): Promise<number> {
  const config = readConfig(process.env, process.cwd());
  if ('error' in config) {
    console.error(`Waymark cannot start: ${config.error}`);
    return 2;
  }
  let server;
  try {
    server = await startServer(config);
  } catch (error) {
    console.error(`Waymark cannot start: ${(error as Error).message}`);
    return 1;
  }
  const where =
    server.database === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  // One write, so whoever reads the output (a test, a supervisor) sees the sign-in details with the URL.
  const lines = [`Waymark is running at ${server.url}  (${where})`];
  if (!server.servingWebApp) lines.push(`The web app is not built yet; the API is at ${server.url}/api/docs`);
  const first = server.firstStart;
  if (first) {
    const examples = first.loaded.length ? `: ${first.loaded.join(', ')}` : '';
    lines.push(
      '',
      'First start: created the administrator and a Demo workspace',
      `  with ${first.loaded.length} example journey(s)${examples}.`,
      ...(first.wholeProblem
        ? [`  They open from a whole-problem journey, ${first.wholeProblem} (see Journey tree).`]
        : []),
      ...(first.demoLog ? [`  It also has ${first.demoLog}.`] : []),
      ...first.skipped.map((skipped) => `  Skipped ${skipped}`),
      '',
      `  Sign in at ${server.url} as ${first.adminEmail}`,
      `  with the one-time password  ${first.password}`,
      '',
      `  It is shown only now and works once, until ${first.passwordExpiresAt.slice(0, 16).replace('T', ' ')} UTC:`,
      '  Waymark then asks you to choose your own password (at least 12 characters; three random words work well).',
      '  Lost or expired? Stop Waymark and run  npm run reset-password -- <email>  to print a new one.',
    );
  }
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Waymark…`);
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
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
