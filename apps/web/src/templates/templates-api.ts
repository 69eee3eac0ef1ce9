import type { Journey, JourneyCommand, TemplateBody, TemplateKind, TemplatePart } from '@waymark/core';
import { callJson } from '../api/call-json';
import { toApiError } from '../api/api-error';
import type { JourneySummary } from '../api/types';

/** A workspace template as `GET …/templates` lists it (issue 14 item 5). */
export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly source: string | null;
  readonly kind: TemplateKind;
  readonly createdAt: string;
  readonly createdByName: string | null;
}

/** What was taken out of a saved or imported template so it carries no personal data. */
export interface RemovedPersonalData {
  readonly quoteSources: number;
  readonly respondents: number;
  readonly ownerNames: number;
  readonly notes: number;
  readonly researchSources: number;
}

export interface Provenance {
  readonly fromWorkspaceId: string;
  readonly fromWorkspaceName: string;
  readonly fromJourneyId: string;
  readonly fromJourneyTitle: string;
  readonly fromVersion: number;
  readonly copiedAt: string;
  readonly copiedByName: string;
}

const base = (ws: string) => `/api/workspaces/${encodeURIComponent(ws)}`;
const journeyPath = (ws: string, id: string) => `${base(ws)}/journeys/${encodeURIComponent(id)}`;

export const listTemplates = (ws: string) =>
  callJson<{ items: TemplateSummary[] }>('GET', `${base(ws)}/templates`);

export const readTemplate = (ws: string, id: string) =>
  callJson<{ template: TemplateSummary & { body: TemplateBody } }>(
    'GET',
    `${base(ws)}/templates/${encodeURIComponent(id)}`,
  );

export const saveTemplate = (
  ws: string,
  input: { journeyId: string; name: string; description?: string; part: TemplatePart },
  csrfToken: string,
) =>
  callJson<{ template: TemplateSummary; removed: RemovedPersonalData }>(
    'POST',
    `${base(ws)}/templates`,
    csrfToken,
    input,
  );

export const deleteTemplate = (ws: string, id: string, csrfToken: string) =>
  callJson<{ deleted: true }>('DELETE', `${base(ws)}/templates/${encodeURIComponent(id)}`, csrfToken);

/** The address of the workspace's template pack (a file download). */
export const packUrl = (ws: string) => `${base(ws)}/template-pack`;

/** Sends a template pack file as it is (the server reads its encoding); problems come back in the ApiError's body. */
export async function importPack(
  ws: string,
  file: Blob,
  csrfToken: string,
): Promise<{ imported: TemplateSummary[]; removed: RemovedPersonalData }> {
  let response: Response;
  try {
    response = await fetch(`${base(ws)}/template-pack`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw toApiError(0, null);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, json);
  return json as { imported: TemplateSummary[]; removed: RemovedPersonalData };
}

export const listJourneys = (ws: string) =>
  callJson<{ items: JourneySummary[] }>('GET', `${base(ws)}/journeys`);

export const readJourney = (ws: string, id: string) =>
  callJson<{ id: string; version: number; journey: Journey }>('GET', journeyPath(ws, id));

export const createJourney = (ws: string, journey: Journey, csrfToken: string) =>
  callJson<{ id: string; version: number }>('POST', `${base(ws)}/journeys`, csrfToken, { journey });

export const sendCommands = (
  ws: string,
  id: string,
  baseVersion: number,
  commands: readonly JourneyCommand[],
  csrfToken: string,
) =>
  callJson<{ version: number }>('POST', `${journeyPath(ws, id)}/commands`, csrfToken, {
    baseVersion,
    commands,
  });

export const copyJourney = (ws: string, id: string, toWorkspace: string, csrfToken: string) =>
  callJson<{ workspace: string; id: string; version: number }>(
    'POST',
    `${journeyPath(ws, id)}/copy`,
    csrfToken,
    {
      toWorkspace,
    },
  );

export const readProvenance = (ws: string, id: string) =>
  callJson<{ provenance: Provenance | null }>('GET', `${journeyPath(ws, id)}/provenance`);
