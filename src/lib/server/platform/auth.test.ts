import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { testAuth } from '../../../../tests/support/domain-contexts';
import { useTestDatabase } from '../../../../tests/support/test-database';

describe('better-auth’s own messages', () => {
	const handle = useTestDatabase();

	it('go to the app’s JSON log, one object per line, not coloured lines of their own', async () => {
		const lines: string[] = [];
		const sink = new Writable({
			write(chunk, _encoding, done) {
				lines.push(...String(chunk).trim().split('\n'));
				done();
			}
		});
		const log = pino({ base: undefined }, sink);
		const auth = testAuth(handle, { log });
		const { logger } = await auth.$context;
		logger.warn('a warning of better-auth', { detail: 1 });
		logger.error('an error of better-auth', new Error('boom'));
		await new Promise((resolve) => setImmediate(resolve));

		const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(entries).toEqual([
			expect.objectContaining({ level: 40, source: 'better-auth', msg: 'a warning of better-auth', details: [{ detail: 1 }] }),
			expect.objectContaining({ level: 50, source: 'better-auth', msg: 'an error of better-auth', err: expect.objectContaining({ message: 'boom' }) })
		]);
	});
});
