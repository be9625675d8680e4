import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSecrets } from './secrets';

describe('loadOrCreateSecrets', () => {
	it('generates a secret once, keeps it owner-only, and reads it back on the next start', () => {
		const dir = mkdtempSync(join(tmpdir(), 'arts-secrets-'));
		const first = loadOrCreateSecrets(dir, {});
		expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
		const file = join(dir, 'secrets.json');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const second = loadOrCreateSecrets(dir, {});
		expect(second.authSecret).toBe(first.authSecret);
		expect(JSON.parse(readFileSync(file, 'utf8')).authSecret).toBe(first.authSecret);
	});

	it('prefers a secret given in the environment and does not write it to disk', () => {
		const dir = mkdtempSync(join(tmpdir(), 'arts-secrets-'));
		const given = 'x'.repeat(40);
		expect(loadOrCreateSecrets(dir, { AUTH_SECRET: given }).authSecret).toBe(given);
		expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(given);
	});
});
