/**
 * `npm run backup`: one archive of the whole site (database, stored files,
 * secrets), with the same configuration as `npm start`.
 *
 *   npm run backup                  into the storage under backups/ (DATA_DIR/backups/ on disk), kept by retention
 *   npm run backup -- --to PATH     into a file, or a folder (then named by the time)
 *
 * The last line printed is the archive's path (or its key, when the storage is
 * a bucket): give it to `npm run restore`.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'Usage: npm run backup [-- --to PATH]';
let values;
try {
	({ values } = parseArgs({ options: { to: { type: 'string' }, help: { type: 'boolean' } } }));
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`);
	process.exit(2);
}
if (values.help) {
	console.log(usage);
	process.exit(0);
}

const { configOrExit } = await import('./command-config.ts');
const { loadOrCreateSecrets } = await import('../src/lib/server/platform/secrets.ts');
const { openDatabase } = await import('../src/lib/server/db/connect.ts');
const { describeTables } = await import('../src/lib/server/db/table-copy.ts');
const { createObjectStorage } = await import('../src/lib/server/platform/storage/create-storage.ts');
const { DiskStorage } = await import('../src/lib/server/platform/storage/disk-storage.ts');
const { appVersion, backupFileName, createBackup } = await import('../src/lib/server/backup/backup.service.ts');
const { runBackup } = await import('../src/lib/server/backup/backup-runs.ts');

const config = configOrExit();
const secrets = loadOrCreateSecrets(config.dataDir, process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
const storage = createObjectStorage(config);
let exitCode = 0;
try {
	if ((await describeTables(database.db)).length === 0) {
		console.error(`Nothing to back up: the database at ${database.location} has no tables (start the site once first).`);
		exitCode = 1;
	} else if (values.to) {
		const target = resolve(values.to);
		const path = values.to.endsWith('/') || (existsSync(target) && statSync(target).isDirectory()) ? join(target, backupFileName(new Date())) : target;
		const started = Date.now();
		const result = await createBackup({ database, storage, secrets, appVersion: appVersion() }, { kind: 'file', path });
		console.log(summary(result.manifest, result.size, started));
		console.log(path);
	} else {
		const started = Date.now();
		const { key } = await runBackup({ database, storage, secrets, appVersion: appVersion() }, 'command');
		const size = (await storage.head(key))?.size ?? 0;
		console.log(`Backed up ${(size / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s into the storage (${storage.location}); retention keeps 7 daily and 4 weekly archives there.`);
		console.log(storage instanceof DiskStorage ? storage.pathOf(key) : key);
	}
} catch (error) {
	console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
	exitCode = 1;
} finally {
	await database.close();
}
process.exit(exitCode);

function summary(manifest: { tables: { rows: number }[]; files: { count: number } }, size: number, started: number): string {
	const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
	return `Backed up ${rows} rows and ${manifest.files.count} files, ${(size / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s. The archive holds password hashes and the site's secret: keep it private.`;
}
