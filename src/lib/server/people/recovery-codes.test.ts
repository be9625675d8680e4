import { describe, expect, it } from 'vitest';
import {
	checkDownloadTicket,
	createDownloadTicket,
	downloadTicketMinutes,
	generateRecoveryCodes,
	groupKey,
	normalizeRecoveryCode,
	recoveryCodeAlphabet,
	recoveryCodePattern
} from './recovery-codes';

describe('recovery codes', () => {
	it('are ten codes of three groups of four, without characters that look alike', () => {
		const codes = generateRecoveryCodes();
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const code of codes) {
			expect(code).toMatch(recoveryCodePattern);
			expect(code).not.toMatch(/[01ilIoO]/);
		}
		for (const lookAlike of '01ilIoO') expect(recoveryCodeAlphabet).not.toContain(lookAlike);
	});

	it('forgives capitals, spaces and missing dashes, and keeps older codes exactly as typed', () => {
		expect(normalizeRecoveryCode(' AB2C DEF3 GH4J ')).toBe('ab2c-def3-gh4j');
		expect(normalizeRecoveryCode('ab2cdef3gh4j')).toBe('ab2c-def3-gh4j');
		expect(normalizeRecoveryCode(' AbCdE-12345 ')).toBe('AbCdE-12345');
	});

	it('groups a key in blocks of four', () => {
		expect(groupKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
	});
});

describe('the download ticket of recovery codes', () => {
	const secret = 'a test secret, long enough for its purpose';
	const now = new Date('2026-12-04T12:00:00Z');
	const ticket = createDownloadTicket(secret, { userId: 'u1', fingerprint: 'f1', now });

	it('lets its owner download the codes it was made for, for a few minutes', () => {
		expect(checkDownloadTicket(secret, ticket, { userId: 'u1', fingerprint: 'f1', now })).toBe(true);
		const later = new Date(now.getTime() + downloadTicketMinutes * 60_000 - 1000);
		expect(checkDownloadTicket(secret, ticket, { userId: 'u1', fingerprint: 'f1', now: later })).toBe(true);
	});

	it('refuses another person, other codes, an expired or altered ticket, and none', () => {
		expect(checkDownloadTicket(secret, ticket, { userId: 'u2', fingerprint: 'f1', now })).toBe(false);
		expect(checkDownloadTicket(secret, ticket, { userId: 'u1', fingerprint: 'f2', now })).toBe(false);
		const expired = new Date(now.getTime() + downloadTicketMinutes * 60_000 + 1000);
		expect(checkDownloadTicket(secret, ticket, { userId: 'u1', fingerprint: 'f1', now: expired })).toBe(false);
		const [user, expires, fingerprint, signature] = ticket.split('.');
		const extended = [user, String(Number(expires) + 3_600_000), fingerprint, signature].join('.');
		expect(checkDownloadTicket(secret, extended, { userId: 'u1', fingerprint: 'f1', now: expired })).toBe(false);
		expect(checkDownloadTicket('another secret', ticket, { userId: 'u1', fingerprint: 'f1', now })).toBe(false);
		expect(checkDownloadTicket(secret, undefined, { userId: 'u1', fingerprint: 'f1', now })).toBe(false);
		expect(checkDownloadTicket(secret, 'x.y', { userId: 'u1', fingerprint: 'f1', now })).toBe(false);
	});
});
