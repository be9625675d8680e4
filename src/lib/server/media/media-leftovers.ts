import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { jobPayload } from '$lib/server/platform/jobs/job-queue';
import type { MediaStorage } from './media-storage';
import { mediaProcessJobKind } from './media.service';

/**
 * What a process killed mid-work leaves in the media storage (media-storage.ts
 * says how it is laid out): a `.staging-*` folder it was filling with a photo's
 * files, and an upload in `.incoming/` that no job will process any more. Both
 * are older than a day by then (a photo takes seconds, a job's lease minutes);
 * an upload a pending or running job still names is kept whatever its age.
 * Run by the daily housekeeping (maintenance.ts), on the disk and in a bucket alike.
 */
export async function sweepMediaLeftovers(db: Kysely<Database>, storage: Pick<MediaStorage, 'sweepLeftovers'>, now: number): Promise<number> {
	const waiting = await db
		.selectFrom('job')
		.select('payload')
		.where('kind', '=', mediaProcessJobKind)
		.where('status', 'in', ['pending', 'running'])
		.execute();
	const named = new Set(waiting.map((job) => (jobPayload(job) as { incoming?: unknown }).incoming).filter((key): key is string => typeof key === 'string'));
	return storage.sweepLeftovers(now, undefined, named);
}
