import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
	try {
		loadConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error.problems;
		throw error;
	}
	throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
	it('gives a working site with no environment at all', () => {
		const config = loadConfig({});
		expect(config.port).toBe(3000);
		expect(config.origin).toBe('http://localhost:3000');
		expect(config.databaseUrl).toBeUndefined();
		expect(config.sqlitePath).toMatch(/data\/site\.sqlite$/);
		expect(config.stripe).toBeUndefined();
		expect(config.secureOrigin).toBe(false);
	});

	it('derives the origin from PORT and keeps an explicit https ORIGIN', () => {
		expect(loadConfig({ PORT: '8080' }).origin).toBe('http://localhost:8080');
		const config = loadConfig({ ORIGIN: 'https://art.example.org/' });
		expect(config.origin).toBe('https://art.example.org');
		expect(config.secureOrigin).toBe(true);
	});

	it('knows whether the operator set ORIGIN (the server entry marks the default it gives adapter-node)', () => {
		expect(loadConfig({}).originConfigured).toBe(false);
		expect(loadConfig({ ORIGIN: ' ' }).originConfigured).toBe(false);
		expect(loadConfig({ ORIGIN: 'https://art.example.org' }).originConfigured).toBe(true);
		expect(loadConfig({ ORIGIN: 'http://localhost:3000', ORIGIN_DEFAULTED: 'on' }).originConfigured).toBe(false);
	});

	it('treats empty values as unset', () => {
		expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }).port).toBe(3000);
	});

	it('names the variable and the expected form for a bad port', () => {
		const [problem] = problemsOf({ PORT: 'eighty' });
		expect(problem).toContain('PORT');
		expect(problem).toContain('whole number from 1 to 65535');
		expect(problem).toContain('"eighty"');
		expect(problemsOf({ PORT: '70000' })[0]).toContain('PORT');
	});

	it('reports every bad variable at once', () => {
		const problems = problemsOf({ PORT: '0', ORIGIN: 'ftp://x', LOG_LEVEL: 'loud' });
		expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['LOG_LEVEL', 'ORIGIN', 'PORT']);
	});

	it('rejects an ORIGIN with a path', () => {
		expect(problemsOf({ ORIGIN: 'https://example.org/site' })[0]).toContain('ORIGIN must be');
	});

	it('never repeats a secret it rejects', () => {
		const problems = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/x', STRIPE_SECRET_KEY: 'pk_live_secret' });
		expect(problems.join('\n')).not.toContain('hunter2');
		expect(problems.join('\n')).not.toContain('pk_live_secret');
		expect(problems.join('\n')).toContain('DATABASE_URL must be a PostgreSQL URL');
	});

	it('serves metrics only with a METRICS_TOKEN long enough to guess at, and never repeats a bad one', () => {
		expect(loadConfig({}).metricsToken).toBeUndefined();
		expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(16) }).metricsToken).toBe('a'.repeat(16));
		for (const token of ['short-secret', 'has a space in it, sixteen+']) {
			const problems = problemsOf({ METRICS_TOKEN: token }).join('\n');
			expect(problems).toContain('METRICS_TOKEN must be at least 16 printable characters');
			expect(problems).not.toContain(token);
		}
	});

	it('ends staff sessions unused for 12 hours, or for the minutes STAFF_SESSION_IDLE_MINUTES gives', () => {
		expect(loadConfig({}).staffSessionIdleMs).toBe(12 * 60 * 60_000);
		expect(loadConfig({ STAFF_SESSION_IDLE_MINUTES: '30' }).staffSessionIdleMs).toBe(30 * 60_000);
		expect(problemsOf({ STAFF_SESSION_IDLE_MINUTES: 'soon' })[0]).toContain('STAFF_SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 10080');
		expect(problemsOf({ STAFF_SESSION_IDLE_MINUTES: '2' })[0]).toContain('(it is "2")');
		expect(problemsOf({ STAFF_SESSION_IDLE_MINUTES: '20000' })[0]).toContain('STAFF_SESSION_IDLE_MINUTES');
	});

	it('reads the newsletter sign-up limits, with defaults', () => {
		expect(loadConfig({}).newsletterSignUpLimits).toEqual({ perIp: 20, site: 300 });
		expect(loadConfig({ NEWSLETTER_SIGNUPS_PER_IP: '5', NEWSLETTER_SIGNUPS_PER_HOUR: '1000' }).newsletterSignUpLimits).toEqual({ perIp: 5, site: 1000 });
		expect(problemsOf({ NEWSLETTER_SIGNUPS_PER_IP: '0' })[0]).toContain('NEWSLETTER_SIGNUPS_PER_IP must be a whole number of sign-ups per hour');
	});

	it('selects PostgreSQL from DATABASE_URL', () => {
		expect(loadConfig({ DATABASE_URL: 'postgres://u:p@localhost:5432/arts' }).databaseUrl).toBe(
			'postgres://u:p@localhost:5432/arts'
		);
	});

	it('keeps files in a bucket only with all four S3 settings, and never echoes the secret', () => {
		const s3 = {
			S3_ENDPOINT: 'https://s3.example.org/',
			S3_BUCKET: 'arts-files',
			S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
			S3_SECRET_ACCESS_KEY: 'very-secret'
		};
		expect(loadConfig({}).s3).toBeUndefined();
		expect(loadConfig(s3).s3).toEqual({
			endpoint: 'https://s3.example.org',
			bucket: 'arts-files',
			region: 'us-east-1',
			accessKeyId: 'AKIAEXAMPLE',
			secretAccessKey: 'very-secret',
			forcePathStyle: true
		});
		expect(loadConfig({ ...s3, S3_REGION: 'auto', S3_FORCE_PATH_STYLE: 'off' }).s3).toMatchObject({ region: 'auto', forcePathStyle: false });
		expect(problemsOf({ S3_ENDPOINT: s3.S3_ENDPOINT, S3_BUCKET: s3.S3_BUCKET })[0]).toContain(
			'S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together'
		);
		expect(problemsOf({ ...s3, S3_BUCKET: 'Not A Bucket' })[0]).toContain('S3_BUCKET must be');
		expect(problemsOf({ ...s3, S3_FORCE_PATH_STYLE: 'yes' })[0]).toContain('S3_FORCE_PATH_STYLE must be on or off');
		const secretProblems = problemsOf({ ...s3, S3_ENDPOINT: 'not a url' }).join('\n');
		expect(secretProblems).toContain('S3_ENDPOINT');
		expect(secretProblems).not.toContain('very-secret');
	});
});
