import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/test-database';
import { forgetOldThrottleAttempts, recordAttempt } from './throttle';

const handle = useTestDatabase('throttle_attempt');

const windowMs = 60 * 60_000;
const t0 = Date.parse('2027-01-01T10:00:00Z');
const attempt = (ip: string, now = t0) => recordAttempt(handle.db, { scope: 'sign-up', windowMs, limits: [{ key: `ip:${ip}`, max: 3 }, { key: 'site', max: 5 }] }, now);
const rows = () => handle.db.selectFrom('throttle_attempt').select(['scope', 'key']).execute();

describe('a throttle', () => {
	it('allows so many attempts per key within the window, each limit on its own', async () => {
		for (let i = 0; i < 3; i++) expect(await attempt('192.0.2.1')).toEqual({ allowed: true });
		expect(await attempt('192.0.2.1')).toEqual({ allowed: false, retryAfterMs: windowMs });
		// Another network address may go on until the whole site reaches its limit.
		expect((await attempt('192.0.2.2')).allowed).toBe(true);
		expect((await attempt('192.0.2.3')).allowed).toBe(true);
		expect((await attempt('192.0.2.4')).allowed).toBe(false);
		// The window passing frees both.
		expect((await attempt('192.0.2.1', t0 + windowMs + 1)).allowed).toBe(true);
	});

	it('takes back a refused attempt, so refusals never extend a lock', async () => {
		for (let i = 0; i < 5; i++) await attempt('192.0.2.1');
		expect(await rows()).toHaveLength(3 * 2);
		expect((await attempt('192.0.2.9')).allowed).toBe(true);
		expect((await attempt('192.0.2.9')).allowed).toBe(true);
		expect((await attempt('192.0.2.9')).allowed).toBe(false);
		expect((await rows()).filter((row) => row.key === 'site')).toHaveLength(5);
	});

	it('keeps scopes apart', async () => {
		for (let i = 0; i < 3; i++) await attempt('192.0.2.1');
		const other = await recordAttempt(handle.db, { scope: 'application', windowMs, limits: [{ key: 'ip:192.0.2.1', max: 1 }] }, t0);
		expect(other.allowed).toBe(true);
	});

	it('lets no more through than the limit when many attempts arrive at once', async () => {
		const verdicts = await Promise.all(Array.from({ length: 30 }, () => attempt('198.51.100.1')));
		const allowed = verdicts.filter((verdict) => verdict.allowed).length;
		expect(allowed).toBeLessThanOrEqual(3);
		// Whatever got through counts; the rest of the limit is still there for the next ones.
		let more = 0;
		while ((await attempt('198.51.100.1')).allowed) more++;
		expect(allowed + more).toBe(3);
	});

	it('forgets attempts older than a day', async () => {
		await attempt('192.0.2.1', t0 - 25 * 60 * 60_000);
		await attempt('192.0.2.2', t0);
		await forgetOldThrottleAttempts(handle.db, t0);
		expect((await rows()).map((row) => row.key).sort()).toEqual(['ip:192.0.2.2', 'site']);
	});
});
