/**
 * Seeded generators of random journeys and commands, for property tests in other workspaces (the live
 * co-editing engine's convergence test simulates many clients with them). Not for application code.
 */
export { randomCommand, type Expectation, type Generated } from './commands/random-command.fixture';
export { createRand, randomJourney, type Rand } from './commands/random-journey.fixture';
export { problemCodesFromZod, zodIssueCases } from './zod-issue-cases.fixture';
