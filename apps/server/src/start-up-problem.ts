import { createTranslator, type MessageId } from '@waymark/i18n';

/** Something the start-up scripts say, as the catalogue's id (`server.*`) and its values. */
export interface StartUpSaid<Id extends MessageId = Extract<MessageId, `server.${string}`>> {
  readonly id: Id;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * A reason Waymark cannot start, thrown by `startServer`: `main.ts` says it in the operator's language; the
 * message is the catalogue's English, for logs and anyone reading the error as it is.
 */
export class StartUpProblem extends Error implements StartUpSaid {
  constructor(
    readonly id: StartUpSaid['id'],
    readonly values: StartUpSaid['values'] = {},
    /** The library's error it stands for, as `cause`, for logs and debuggers (never said to the operator). */
    options?: ErrorOptions,
  ) {
    super(createTranslator('en').t(id, values), options);
    this.name = 'StartUpProblem';
  }
}
