import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { jobPayload } from '$lib/server/platform/jobs/job-queue';
import { isIncomingKey } from './media-storage';
import { mediaProcessJobKind } from './media.service';

const day = 24 * 60 * 60_000;

/**
 * What a process killed mid-work leaves in the media folder (media-storage.ts
 * says how it is laid out): a `.staging-*` folder it was filling with a photo's
 * files, and an upload in `.incoming/` that no job will process any more. Both
 * are older than a day by then (a photo takes seconds, a job's lease minutes);
 * an upload a pending or running job still names is kept whatever its age.
 * Run by the daily housekeeping (maintenance.ts).
 */
export async function sweepMediaLeftovers(db: Kysely<Database>, mediaRoot: string, now: number, olderThanMs = day): Promise<number> {
	const before = now - olderThanMs;
	let removed = 0;
	for (const name of await namesIn(mediaRoot)) {
		if (!name.startsWith('.staging-')) continue;
		if (await removeIfOlder(join(mediaRoot, name), before)) removed++;
	}
	const incoming = join(mediaRoot, '.incoming');
	const uploads = (await namesIn(incoming)).filter(isIncomingKey);
	if (uploads.length === 0) return removed;
	const waiting = await db
		.selectFrom('job')
		.select('payload')
		.where('kind', '=', mediaProcessJobKind)
		.where('status', 'in', ['pending', 'running'])
		.execute();
	const named = new Set(waiting.map((job) => (jobPayload(job) as { incoming?: unknown }).incoming));
	for (const name of uploads) {
		if (named.has(name)) continue;
		if (await removeIfOlder(join(incoming, name), before)) removed++;
	}
	return removed;
}

async function namesIn(folder: string): Promise<string[]> {
	try {
		return await readdir(folder);
	} catch {
		return [];
	}
}

async function removeIfOlder(path: string, before: number): Promise<boolean> {
	try {
		if ((await stat(path)).mtimeMs >= before) return false;
		await rm(path, { recursive: true, force: true });
		return true;
	} catch {
		// Gone meanwhile.
		return false;
	}
}
