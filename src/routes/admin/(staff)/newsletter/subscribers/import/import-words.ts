import { m } from '$lib/paraglide/messages';

/** Where an import stands, as the import pages say it, in the admin's language. */
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

const words: Record<ImportStatus, () => string> = {
	queued: m.nladmin_import_queued,
	running: m.nladmin_import_running,
	done: m.nladmin_import_done,
	failed: m.nladmin_import_failed
};

export function importStatusWord(status: ImportStatus): string {
	return words[status]();
}
