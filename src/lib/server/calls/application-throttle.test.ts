import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/test-database';
import { applicationThrottleRules, recordApplicationAttempt } from './application-throttle';

const handle = useTestDatabase('throttle_attempt');

describe('application attempts', () => {
	it('allow so many per address within the window, whatever the case of the address', async () => {
		const now = Date.parse('2027-01-01T10:00:00Z');
		for (let i = 0; i < applicationThrottleRules.maxPerEmail; i++) {
			expect(await recordApplicationAttempt(handle.db, { email: i % 2 ? 'Ana@Example.org' : 'ana@example.org', ip: `10.0.0.${i}` }, now)).toEqual({ allowed: true });
		}
		expect((await recordApplicationAttempt(handle.db, { email: 'ana@example.org', ip: '10.0.1.1' }, now)).allowed).toBe(false);
		// Another address from the same machines is fine; the window passing frees the first.
		expect((await recordApplicationAttempt(handle.db, { email: 'bo@example.org', ip: '10.0.0.1' }, now)).allowed).toBe(true);
		expect((await recordApplicationAttempt(handle.db, { email: 'ana@example.org', ip: '10.0.1.1' }, now + applicationThrottleRules.windowMs + 1)).allowed).toBe(true);
	});

	it('allow so many per network address, with or without an address typed', async () => {
		const now = Date.parse('2027-01-01T10:00:00Z');
		for (let i = 0; i < applicationThrottleRules.maxPerIp; i++) {
			await recordApplicationAttempt(handle.db, { email: i % 3 ? `p${i}@example.org` : '', ip: '192.0.2.7' }, now);
		}
		expect((await recordApplicationAttempt(handle.db, { email: 'new@example.org', ip: '192.0.2.7' }, now)).allowed).toBe(false);
		expect((await recordApplicationAttempt(handle.db, { email: 'new@example.org', ip: '192.0.2.8' }, now)).allowed).toBe(true);
	});
});
