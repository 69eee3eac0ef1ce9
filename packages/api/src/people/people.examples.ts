import type { TestApi } from '../testing/test-api';

/** Example requests of the people routes for the authorisation test (issue 12). */
export const peopleExamples = {
  'GET /api/admin/people': () => ({ path: '/api/admin/people' }),
  // Restoring someone not suspended: a change that changes nothing, so the matrix's many calls stay harmless.
  'PATCH /api/admin/people/{userId}': async (t: TestApi, n: number) => {
    const id = await t.addUser(`Person${n}`);
    return { path: `/api/admin/people/${id}`, body: { suspended: false } };
  },
};

/** Routes only an instance administrator may call: anyone else signed in is refused (403). */
export const peopleAdminOnly: ReadonlySet<string> = new Set(Object.keys(peopleExamples));
