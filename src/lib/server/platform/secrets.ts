import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config';

const secretsSchema = z.object({
	/** Signs sessions and one-time links. */
	authSecret: z.string().min(32)
});
export type Secrets = z.infer<typeof secretsSchema>;

/**
 * Secrets the app needs that the environment did not give are generated once and
 * kept in DATA_DIR/secrets.json, readable by the owner only. Later starts, and
 * other processes sharing DATA_DIR, read the same values.
 */
export function loadOrCreateSecrets(dataDir: string, env: Record<string, string | undefined>): Secrets {
	try {
		return readOrCreate(dataDir, env);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code && ['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes(code)) {
			throw new ConfigError([`DATA_DIR must be a folder the app can create and write to (it is "${dataDir}": ${code})`]);
		}
		throw error;
	}
}

function readOrCreate(dataDir: string, env: Record<string, string | undefined>): Secrets {
	const file = join(dataDir, 'secrets.json');
	let stored: Partial<Secrets> = {};
	if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;

	const generated: Partial<Secrets> = {};
	if (!stored.authSecret) generated.authSecret = randomBytes(32).toString('base64url');

	if (Object.keys(generated).length > 0) {
		mkdirSync(dataDir, { recursive: true });
		stored = { ...stored, ...generated };
		// 'wx' would fail if another process won the race; then read what it wrote.
		try {
			writeFileSync(file, JSON.stringify(stored, null, '\t'), { mode: 0o600, flag: existsSync(file) ? 'w' : 'wx' });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
		}
	}
	chmodSync(file, 0o600);
	return secretsSchema.parse({ ...stored, ...(env.AUTH_SECRET ? { authSecret: env.AUTH_SECRET } : {}) });
}
