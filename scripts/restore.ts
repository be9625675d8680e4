/**
 * `npm run restore -- FILE [--force]`: puts a site back from an archive of
 * `npm run backup`, into the database and storage that the configuration names
 * (the same as `npm start`'s). They must be empty; --force empties them first.
 * FILE is a path, or a key under backups/ in the storage.
 *
 * The whole archive is checked before anything is written: a damaged or cut
 * archive is refused with one line saying why.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

const usage = 'Usage: npm run restore -- FILE [--force]';
let parsed;
try {
	parsed = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, help: { type: 'boolean' } } });
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`);
	process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
	console.log(usage);
	process.exit(values.help ? 0 : 2);
}
const file = positionals[0]!;

const { configOrExit } = await import('./command-config.ts');
const { openDatabase } = await import('../src/lib/server/db/connect.ts');
const { createObjectStorage } = await import('../src/lib/server/platform/storage/create-storage.ts');
const { isObjectKey } = await import('../src/lib/server/platform/storage/object-storage.ts');
const { BackupArchiveError } = await import('../src/lib/server/backup/backup-archive.ts');
const { archiveSource, backupFolderKey, restoreBackup, RestoreTargetNotEmptyError } = await import('../src/lib/server/backup/backup.service.ts');

const config = configOrExit();
const storage = createObjectStorage(config);
let place: { kind: 'file'; path: string } | { kind: 'storage'; key: string };
if (existsSync(file)) place = { kind: 'file', path: file };
else if (file.startsWith(backupFolderKey) && isObjectKey(file)) place = { kind: 'storage', key: file };
else {
	console.error(`There is no file ${file}.`);
	process.exit(1);
}

const database = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
let exitCode = 0;
try {
	const started = Date.now();
	const result = await restoreBackup(archiveSource(place, storage), { database, storage, dataDir: config.dataDir }, { force: values.force, say: (line) => console.log(line) });
	console.log(`Restored in ${((Date.now() - started) / 1000).toFixed(1)} s into ${database.location} and ${storage.location}.`);
	if (process.env.AUTH_SECRET) console.log("AUTH_SECRET is set: it replaces the restored site's secret, so links sent before the backup work only if it is the same.");
	console.log(`Start the site with npm start. (The archive was made ${result.manifest.createdAt}.)`);
} catch (error) {
	if (error instanceof BackupArchiveError || error instanceof RestoreTargetNotEmptyError) {
		console.error(`Not restored: ${error.message}`);
		exitCode = 1;
	} else {
		throw error;
	}
} finally {
	await database.close();
}
process.exit(exitCode);
