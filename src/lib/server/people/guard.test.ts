import { describe, expect, it } from 'vitest';
import { safeNext } from './guard';

/** What a Location header may carry: visible ASCII only. */
const headerSafe = /^[\x21-\x7e]+$/;

describe('safeNext: where the sign-in page sends someone afterwards', () => {
	it.each(['/admin', '/admin/calls/1?tab=form#rubric', '/admin/newsletter/subscribers?q=a%20b&page=2'])('keeps an admin address: %s', (next) => {
		expect(safeNext(next)).toBe(next);
	});

	it.each([
		null,
		'',
		'https://elsewhere.example/admin',
		'//elsewhere.example/admin',
		'/\\elsewhere.example/admin',
		'/admin\\..\\..\\x',
		'/administrator',
		'/admin/..//elsewhere.example',
		'/admin/../newsletter',
		'/',
		'javascript:alert(1)'
	])('sends anything outside the admin to /admin: %j', (next) => {
		expect(safeNext(next)).toBe('/admin');
	});

	it.each(['/admin\r\nSet-Cookie: x=1', '/admin\nX: 1', '/admin\u0000', '/admin\t/calls'])('refuses control characters, which no header can carry: %j', (next) => {
		expect(safeNext(next)).toBe('/admin');
	});

	it('percent-encodes text beyond ASCII, so the answer is a valid redirect', () => {
		const next = safeNext('/admin/नमस्ते?q=é#ü');
		expect(next).toMatch(headerSafe);
		expect(decodeURIComponent(next)).toBe('/admin/नमस्ते?q=é#ü');
	});

	it('never gives anything a Location header cannot carry', () => {
		for (const next of ['/admin/\ud800', '/admin/"<>`{}|^ ', '/admin?x=\u2028', '/admin/%E0%A4']) expect(safeNext(next)).toMatch(headerSafe);
	});
});
