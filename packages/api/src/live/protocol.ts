import { journeyCommandSchema, type Journey, type JourneyCommand } from '@waymark/core';
import { z } from 'zod';
import { workshopActionSchema, type WorkshopState } from './workshop';

/**
 * The live co-editing protocol (decision 0013): JSON text frames over one WebSocket per open map, at
 * `/api/workspaces/{ws}/journeys/{id}/live?client=<id>&since=<version>`. `client` names the browser tab
 * (its submits are numbered by `clientSeq`, so a resent submit is recognised); `since` is the version the
 * tab already has, so the welcome can carry only what it missed.
 */

/**
 * Where a participant is on the map: a step (column), a cell (a step with `laneId`: the lane × step cell they
 * are in or typing a card into), or a card.
 */
const focusSchema = z
  .strictObject({
    columnId: z.string().max(200).optional(),
    cardId: z.string().max(200).optional(),
    laneId: z.string().max(200).optional(),
  })
  .nullable();

export const liveQuerySchema = z.strictObject({
  client: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'expected 8 to 64 letters, digits, "-" or "_"' }),
  since: z.coerce.number().int().min(1).optional(),
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('submit'),
    clientSeq: z.number().int().min(1),
    baseVersion: z.number().int().min(1),
    commands: z.array(journeyCommandSchema).min(1, { message: 'expected at least one command' }).max(1000),
  }),
  z.strictObject({
    type: z.literal('presence'),
    focus: focusSchema,
    typing: z.boolean(),
  }),
  /** A facilitation action (decision 0014): the activities' schemas, registered in workshop.ts. */
  z.strictObject({ type: z.literal('workshop'), action: workshopActionSchema }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * The heartbeat (decision 0013): a tab sends `ping` every 20 s and expects any message back within 10 s, else
 * it takes the connection for dead and reconnects; the endpoint answers `pong` itself. Apart from
 * `clientMessageSchema`: the hub never sees it.
 */
export const pingMessageSchema = z.strictObject({ type: z.literal('ping') });
export const pongMessage = { type: 'pong' } as const;
export type PongMessage = typeof pongMessage;
export type LiveFocus = z.infer<typeof focusSchema>;

export interface LivePerson {
  readonly id: string;
  readonly name: string;
}

export interface Participant {
  /** One per open connection: a person with the map open in two tabs is there twice. */
  readonly connection: string;
  readonly user: LivePerson;
  /** A colour of their own, the same on every screen and every server. */
  readonly colour: string;
  readonly role: string;
  readonly focus: LiveFocus;
  readonly typing: boolean;
}

export interface AppliedMessage {
  readonly type: 'applied';
  readonly version: number;
  readonly commands: readonly JourneyCommand[];
  readonly by: LivePerson | null;
  /** Set only for the tab that submitted them: its acknowledgement. */
  readonly clientSeq?: number;
}

export type ServerMessage =
  | {
      readonly type: 'welcome';
      readonly version: number;
      readonly you: { readonly connection: string; readonly user: LivePerson; readonly role: string };
      /** The whole document, when the tab has none or missed too much for `missed`. */
      readonly journey?: Journey;
      /** What happened after `since`, in order (clientSeq set on the tab's own submits). */
      readonly missed?: readonly AppliedMessage[];
      /** With `journey`: the tab's own submits stored after `since` (already in the document). */
      readonly acked?: readonly number[];
      /** The map's workshop (decision 0014), and the server's clock (epoch ms) to correct timers with. */
      readonly workshop?: WorkshopState;
      readonly now?: number;
    }
  /** A submit sent again (after a reconnect) that was already stored: the tab already has it. */
  | { readonly type: 'duplicate'; readonly clientSeq: number }
  | AppliedMessage
  /** A version that replaced the document rather than applying commands (a restore, a push of a file). */
  | {
      readonly type: 'replaced';
      readonly version: number;
      readonly journey: Journey;
      readonly by: LivePerson | null;
    }
  | {
      readonly type: 'rejected';
      readonly clientSeq: number;
      readonly code: string;
      readonly message: string;
      readonly path: string | null;
    }
  | { readonly type: 'presence'; readonly participants: readonly Participant[] }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

/**
 * Facilitation messages (decision 0014), apart from the co-editing engine's `ServerMessage` (the engine never
 * sees them: the editor's hook takes them first).
 */
export type WorkshopMessage =
  /** The workshop changed (sent to every tab on the map), with the server's clock (epoch ms). */
  | { readonly type: 'workshop'; readonly state: WorkshopState; readonly now: number }
  /**
   * This tab's workshop action was refused. `code` (workshop-refusals.ts) and `values` are what the tab says
   * it with, in the person's language; `message` is the English, for logs and for tabs that predate `values`.
   */
  | {
      readonly type: 'workshop-refused';
      readonly code: string;
      readonly values?: Readonly<Record<string, string | number>>;
      readonly message: string;
    };

/** Everything the server sends on the live socket. */
export type LiveServerMessage = ServerMessage | WorkshopMessage | PongMessage;

/** Close codes: the browser sees these, not an HTTP status, once the socket is open. */
export const liveCloseCodes = {
  /** The session ended (signed out, expired): sign in again. */
  unauthenticated: 4401,
  /** No longer a member of the workspace, or the journey was deleted. */
  gone: 4404,
  /** The server is stopping: connect again (to another server). */
  restarting: 4503,
  /** A message that was not valid JSON of the protocol. */
  badMessage: 4400,
} as const;
