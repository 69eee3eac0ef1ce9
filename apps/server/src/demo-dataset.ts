import {
  analyseLog,
  attachCommands,
  changeOfAddressScenario,
  contactLogCsv,
  createPseudonymiser,
  encodeEvents,
  importCsv,
  measureSteps,
  toJsonReport,
} from '@waymark/analytics';
import { applyCommands, type JourneyId } from '@waymark/core';
import type { Keyring, Stores, UserId, WorkspaceId } from '@waymark/store';
import type { StartUpSaid } from './start-up-problem';

/** The example journey the demo log belongs to, and which of its steps each generated activity is. */
export const demoJourneyId = 'multi-service-change-of-address';
export const demoDatasetId = 'demo-change-of-address';
const steps: Readonly<Record<string, string>> = {
  'Report change of address': 'reports-move',
  'Update council tax account': 'council-tax-updated',
  'Update tenancy record': 'tenancy-updated',
  'Review housing benefit': 'benefit-review',
  'Chase progress': 'benefit-review',
  'Request more information': 'more-information',
  'Resupply information': 'more-information',
  'Verify entitlement with DWP': 'dwp-verification',
  'Send decision letters': 'decisions-sent',
  'Follow-up call': 'was-it-ok',
};

/**
 * The demo workspace's contact log (issue 5 §7): a generated, deterministic year of change-of-address cases,
 * imported like any upload (case ids pseudonymised with the workspace key), analysed, and attached to the
 * change-of-address journey so its steps show measured figures. Returns why it was skipped (the catalogue's
 * `server.firstStart.skip.*` and values), or null. Run again after a first start that failed part way, it keeps
 * the dataset made already and attaches it if it was not (attaching replaces what an earlier attach added).
 */
export async function seedDemoDataset(
  stores: Stores,
  keyring: Keyring,
  workspaceId: WorkspaceId,
  by: UserId,
  at: string,
): Promise<StartUpSaid | null> {
  const journey = await stores.journeys.getJourney(workspaceId, demoJourneyId as JourneyId);
  if (!journey) return { id: 'server.firstStart.skip.demoLogJourney', values: { journey: demoJourneyId } };
  const notMade = (code: string): StartUpSaid => ({ id: 'server.firstStart.skip.demoLog', values: { code } });
  const had = await stores.datasets.getDataset(workspaceId, demoDatasetId);
  if (had?.journeyId === demoJourneyId) return null;
  const csv = contactLogCsv({
    events: 12_000,
    seed: 2024,
    meanEventsPerCase: 8,
    openCases: 150,
    startMs: Date.UTC(2025, 3, 1, 8),
    scenario: changeOfAddressScenario,
  });
  const bytes = new TextEncoder().encode(csv);
  const imported = await importCsv(
    (async function* () {
      yield bytes;
    })(),
    {
      mapping: {
        case: 'case_id',
        activity: 'activity',
        timestamp: 'timestamp',
        channel: 'channel',
        org: 'team',
        outcome: 'outcome',
      },
      autoMap: false,
    },
  );
  const pseudonymise = createPseudonymiser(await keyring.keyFor(workspaceId));
  const analysis = analyseLog(imported.store, { pseudonymise });
  const result = toJsonReport(analysis, imported.report);
  const made = had
    ? { ok: true as const }
    : await stores.datasets.createDataset({
        workspaceId,
        id: demoDatasetId,
        name: 'Change of address contacts (generated demo)',
        fileName: 'change-of-address-demo.csv',
        format: 'csv',
        sizeBytes: bytes.length,
        mapping: imported.report.mapping,
        options: {},
        cases: result.log.cases,
        events: result.log.events,
        rejectedRows: imported.report.rejectedRows,
        rejections: imported.report.rejections,
        result,
        eventsBlob: encodeEvents(imported.store, pseudonymise),
        by,
        at,
      });
  if (!made.ok) return notMade(made.error.code);
  const measures = measureSteps(analysis.index, steps);
  const commands = attachCommands(journey.journey, measures, {
    datasetId: demoDatasetId,
    datasetName: 'Change of address contacts (generated demo)',
    ...(result.log.end ? { date: result.log.end.slice(0, 10) } : {}),
  });
  const applied = applyCommands(journey.journey, commands);
  if (!applied.ok) return notMade(applied.error.code);
  const stored = await stores.journeys.appendVersion({
    workspaceId,
    journey: applied.value.journey,
    kind: 'commands',
    commands,
    detail: { dataset: demoDatasetId, action: 'attach' },
    baseVersion: journey.version,
    by,
    at,
  });
  if (!stored.ok) return notMade(stored.error.code);
  await stores.datasets.setAttachment(workspaceId, demoDatasetId, {
    journeyId: demoJourneyId,
    attachment: { steps, measures },
    by,
    at,
  });
  return null;
}
