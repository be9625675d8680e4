import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { Database } from '$lib/server/db/schema';
import type { FieldInput } from '$lib/server/calls/call-fields';
import { instantToZonedWallTime } from '$lib/server/shared/zoned-time';
import { addField, createCall, setCallStatus, type CallInput } from '$lib/server/calls/calls.service';
import { callsContext, testStaff } from './domain-contexts';

/* Test data for the calls domain: calls open now, with a small form. */

const dayMs = 24 * 60 * 60_000;
let counter = 0;

export function callInput(overrides: Partial<CallInput> = {}): CallInput {
	const now = Date.now();
	return {
		slug: `walls-that-talk-${++counter}`,
		kind: 'artists',
		title: { en: 'Walls that talk', es: 'Muros que hablan' },
		summary: { en: 'A call for artists to paint a laneway.' },
		description: { en: '<p>Bring your work to a lane near you.</p>' },
		eligibility: {},
		consentText: { en: 'I agree that Micro Galleries keeps my application to review it.' },
		opensAt: instantToZonedWallTime(now - dayMs, 'UTC'),
		deadlineAt: instantToZonedWallTime(now + 30 * dayMs, 'UTC'),
		timeZone: 'UTC',
		...overrides
	};
}

export const basicFields: FieldInput[] = [
	{ key: 'project_title', type: 'short_text', label: { en: 'Project title' }, required: true },
	{ key: 'statement', type: 'long_text', label: { en: 'Statement' }, options: { maxWords: 300 } },
	{ key: 'phone', type: 'short_text', label: { en: 'Phone' }, contact: true },
	{ key: 'backup_email', type: 'email', label: { en: 'Another e-mail' } },
	{ key: 'country', type: 'country', label: { en: 'Country' }, required: true },
	{ key: 'images', type: 'file', label: { en: 'Images' }, options: { allowedTypes: ['image/jpeg', 'application/pdf'], maxBytes: 5_000_000, maxFiles: 2 } },
	{ key: 'id_scan', type: 'file', label: { en: 'ID' }, contact: true, options: { allowedTypes: ['application/pdf'] } }
];

/** A call taking applications now, with `basicFields` unless other fields are given. */
export async function openCall(db: Kysely<Database>, overrides: Partial<CallInput> = {}, fields: FieldInput[] = basicFields): Promise<number> {
	const calls = callsContext(db);
	const id = await createCall(calls, testStaff, callInput(overrides));
	for (const field of fields) await addField(calls, testStaff, id, field);
	await setCallStatus(calls, testStaff, id, 'open');
	return id;
}

export function answers(overrides: Record<string, unknown> = {}) {
	return { project_title: 'Walls that talk', statement: 'We paint together.', phone: '+977 1 5555555', backup_email: 'ana@home.example', country: 'NP', ...overrides };
}

export function application(overrides: Record<string, unknown> = {}) {
	return { email: 'Ana@Example.org', name: 'Ana Shrestha', locale: 'ne' as const, answers: answers(), consent: true, ...overrides };
}

export async function addStaff(db: Kysely<Database>, id: string, role: 'admin' | 'editor' | 'reviewer' = 'reviewer', disabledAt: string | null = null) {
	const at = '2026-01-01T00:00:00.000Z';
	await db
		.insertInto('user')
		.values({ id, name: id, email: `${id}@staff.example`, emailVerified: 1, createdAt: at, updatedAt: at, role, locale: 'en', image: null, twoFactorEnabled: 0, disabledAt })
		.execute();
}

/** A real one-page PDF, as a portfolio or an ID scan would be. */
export function smallPdf(): Promise<Buffer> {
	return new Promise((done, fail) => {
		const doc = new PDFDocument({ size: 'A6' });
		const parts: Buffer[] = [];
		doc.on('data', (part: Buffer) => parts.push(part));
		doc.on('end', () => done(Buffer.concat(parts)));
		doc.on('error', fail);
		doc.text('Portfolio of Ana Shrestha');
		doc.end();
	});
}
