import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { journeyYaml, runCli, withTempDir } from '../run-cli.fixture';

/**
 * What push and pull print when a server refuses: the catalogue's words by the error's code, with the values its
 * body carries (the listed problems and their limits, the version it is at), in English and in Welsh; a code the
 * command line has no words for, or a body that is not the API's, by the HTTP status. Never the server's English.
 */

/** One scripted answer: status, body (an object is sent as JSON) and its content type. */
type Answer = readonly [status: number, body: unknown];
const answers = new Map<string, Answer>();
const serverEnglish = 'THE SERVER’S OWN ENGLISH';
const failure = (code: string, extra: Record<string, unknown> = {}, path: string | null = null) => ({
  error: { code, message: serverEnglish, path },
  ...extra,
});

let http: ReturnType<typeof createServer>;
let env: Record<string, string>;
beforeAll(async () => {
  http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const [status, body] = answers.get(`${req.method} ${req.url}`) ?? [500, 'no answer scripted'];
    const json = typeof body !== 'string';
    res.writeHead(status, { 'content-type': json ? 'application/json' : 'text/html' });
    res.end(json ? JSON.stringify(body) : body);
    req.resume();
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  env = {
    WAYMARK_SERVER: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    WAYMARK_TOKEN: 'wm_x',
    WAYMARK_WORKSPACE: 'w1',
  };
});
afterAll(() => new Promise((done) => http.close(done)));

const journeys = '/api/workspaces/w1/journeys';
const cy = { WAYMARK_LANG: 'cy' };

/** `waymark <argv>` in a folder holding the small journey as a.yaml, against the scripted server. */
const waymark = (argv: string[], more: Record<string, string> = {}) =>
  withTempDir(async (dir) => {
    await writeFile(join(dir, 'a.yaml'), journeyYaml);
    return runCli(argv, dir, { env: { ...env, ...more } });
  });

describe('push and pull say the server’s errors by code', () => {
  it('given a 404 journey_not_found, then pull says no journey has that id in the workspace', async () => {
    answers.set(`GET ${journeys}/j1/export?format=yaml`, [404, failure('journey_not_found')]);
    expect(await waymark(['pull', 'j1'])).toMatchObject({
      code: exitCodes.invalid,
      stderr:
        'waymark pull: j1: no journey has that id in workspace w1. Check the id: it is the id in the journey’s file, not its title.\n',
    });
    expect((await waymark(['pull', 'j1'], cy)).stderr).toBe(
      'waymark pull: j1: nid oes taith â’r id hwnnw yn y gweithle w1. Gwiriwch yr id: dyma’r id yn ffeil y daith, nid ei theitl.\n',
    );
  });

  it('given a 403 insufficient_scope, then push names the scope publishing needs', async () => {
    answers.set(`GET ${journeys}/asb-small`, [403, failure('insufficient_scope')]);
    expect(await waymark(['push', 'a.yaml'])).toMatchObject({
      code: exitCodes.invalid,
      stderr:
        'waymark push: a.yaml: the token does not have the scope this needs (journeys:write). A workspace owner can make one that has it in the workspace settings.\n',
    });
    expect((await waymark(['push', 'a.yaml'], cy)).stderr).toBe(
      'waymark push: a.yaml: nid oes gan y tocyn y cwmpas sydd ei angen ar gyfer hyn (journeys:write). Gall perchennog y gweithle wneud un sydd ag ef yng ngosodiadau’r gweithle.\n',
    );
  });

  it('given a 422 invalid_journey listing problems, then push counts them and says each by its code and limit', async () => {
    answers.set(`GET ${journeys}/asb-small`, [404, failure('journey_not_found')]);
    answers.set(`POST ${journeys}`, [
      422,
      failure(
        'invalid_journey',
        {
          problems: [
            {
              code: 'invalid_too_big',
              path: 'meta.title',
              message: serverEnglish,
              origin: 'string',
              maximum: 2000,
            },
            {
              code: 'invalid_too_small',
              path: 'columns[1].label',
              message: serverEnglish,
              origin: 'string',
              minimum: 1,
            },
            { code: 'card_lane_not_found', path: 'cards[0].laneId', message: serverEnglish },
          ],
        },
        'journey.meta.title',
      ),
    ]);
    expect(await waymark(['push', 'a.yaml'])).toMatchObject({
      code: exitCodes.invalid,
      stderr:
        'waymark push: a.yaml: the server did not accept the journey: 3 problems. Correct the file, then try again.\n' +
        '  meta.title: too long: the most allowed is 2,000 characters.\n' +
        '  columns[1].label: empty: write something here.\n' +
        '  cards[0].laneId: the server’s check card_lane_not_found failed here.\n',
    });
    expect((await waymark(['push', 'a.yaml'], cy)).stderr).toBe(
      'waymark push: a.yaml: ni dderbyniodd y gweinydd y daith: 3 phroblem. Cywirwch y ffeil, yna rhowch gynnig arall arni.\n' +
        '  meta.title: rhy hir: yr uchafswm yw 2,000 nod.\n' +
        '  columns[1].label: gwag: ysgrifennwch rywbeth yma.\n' +
        '  cards[0].laneId: methodd gwiriad card_lane_not_found y gweinydd yma.\n',
    );
  });

  it('given a 422 invalid_text, then push names the field and the character the server cannot store', async () => {
    answers.set(`GET ${journeys}/asb-small`, [404, failure('journey_not_found')]);
    answers.set(`POST ${journeys}`, [
      422,
      failure('invalid_text', { position: 3, character: 'U+0002' }, 'cards[0].text'),
    ]);
    expect((await waymark(['push', 'a.yaml'])).stderr).toBe(
      'waymark push: a.yaml: cards[0].text holds a character the server cannot store (U+0002). Remove it from the file, then try again.\n',
    );
    expect((await waymark(['push', 'a.yaml'], cy)).stderr).toBe(
      'waymark push: a.yaml: mae cards[0].text yn cynnwys nod na all y gweinydd ei gadw (U+0002). Tynnwch ef o’r ffeil, yna rhowch gynnig arall arni.\n',
    );
  });

  it('given a 409 version_conflict after --if-version, then the version the journey is at', async () => {
    answers.set(`GET ${journeys}/asb-small`, [200, { id: 'asb-small', version: 2 }]);
    answers.set(`PUT ${journeys}/asb-small`, [409, failure('version_conflict', { current: { version: 2 } })]);
    expect((await waymark(['push', 'a.yaml', '--if-version', '1'])).stderr).toBe(
      'waymark push: a.yaml: the journey has changed on the server: it is now at version 2, not version 1. Pull it with waymark pull, bring your changes into it, then run waymark push again.\n',
    );
    expect((await waymark(['push', 'a.yaml', '--if-version', '1'], cy)).stderr).toBe(
      'waymark push: a.yaml: mae’r daith wedi newid ar y gweinydd: mae bellach ar fersiwn 2, nid fersiwn 1. Lawrlwythwch hi gyda waymark pull, ychwanegwch eich newidiadau ati, yna rhedwch waymark push eto.\n',
    );
  });

  it('given a code the command line has no words for, or a page that is not JSON, then plain words naming the status', async () => {
    answers.set(`GET ${journeys}/j1/export?format=yaml`, [418, failure('teapot_busy')]);
    expect((await waymark(['pull', 'j1'])).stderr).toBe(
      'waymark pull: j1: the server answered HTTP 418 (teapot_busy): Waymark did not expect that answer. Check that --server names a Waymark server.\n',
    );
    expect((await waymark(['pull', 'j1'], cy)).stderr).toBe(
      'waymark pull: j1: atebodd y gweinydd HTTP 418 (teapot_busy): nid oedd Waymark yn disgwyl yr ateb hwnnw. Gwiriwch fod --server yn enwi gweinydd Waymark.\n',
    );
    answers.set(`GET ${journeys}/j1/export?format=yaml`, [
      503,
      '<html><h1>503 Service Unavailable</h1></html>',
    ]);
    expect(await waymark(['pull', 'j1'])).toMatchObject({
      code: exitCodes.invalid,
      stderr:
        'waymark pull: j1: the server answered HTTP 503: it is not available just now. Try again in a few minutes.\n',
    });
    expect((await waymark(['pull', 'j1'], cy)).stderr).toBe(
      'waymark pull: j1: atebodd y gweinydd HTTP 503: nid yw ar gael ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau.\n',
    );
  });
});
