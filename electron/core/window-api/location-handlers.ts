// The location channels (issue 12): a key's known locations, checked on demand, forgotten one
// file at a time, found by a scan job, and replaced in all during a rotation.
import { keyLocations } from '../locations/check.ts';
import { forgetLocation } from '../locations/record.ts';
import { replaceInAllLocations } from '../rotation/index.ts';
import type { AppContext } from './context.ts';
import { createFindCopiesJobs } from './find-copies-jobs.ts';
import type { Handlers } from './handlers.ts';

type LocationHandlers = Pick<
  Handlers,
  | 'keyLocations'
  | 'forgetLocation'
  | 'startFindCopies'
  | 'getFindCopies'
  | 'cancelFindCopies'
  | 'replaceInAllLocations'
>;

export function createLocationHandlers(ctx: AppContext): LocationHandlers {
  const { deps } = ctx;
  const finds = createFindCopiesJobs(deps);
  return {
    keyLocations: ({ id, check }) => keyLocations(deps, { id }, { check: check === true }),
    async forgetLocation({ id, path }) {
      await forgetLocation(deps, { id }, path);
      return keyLocations(deps, { id });
    },
    startFindCopies: async ({ id, dirs }) => finds.start(id, dirs),
    getFindCopies: async ({ jobId }) => finds.get(jobId),
    cancelFindCopies: async ({ jobId }) => finds.cancel(jobId),
    replaceInAllLocations: ({ id }) => replaceInAllLocations(deps, { id }),
  };
}
