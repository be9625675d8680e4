import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n/locales';
import type { AnswerErrorCode } from './answer-validation';
import type { UploadRefusal } from './application-files';
import {
	applicationProblems,
	formErrorCodes,
	formErrorMessage,
	formatBytes,
	issuesToErrors,
	maxFormBytes,
	problemMessage,
	problemStatus,
	readApplicationForm,
	readBoundedForm,
	type FormErrorCode
} from './application-page';
import type { ApplicationProblem } from './applications.service';
import type { CallField } from './call-fields';

// Written out so that a code added to the domain without wording fails here (and in the type check).
const answerCodes: AnswerErrorCode[] = [
	'required',
	'too_long',
	'too_many_words',
	'email_invalid',
	'url_invalid',
	'number_invalid',
	'number_out_of_range',
	'date_invalid',
	'choice_unknown',
	'too_many_choices',
	'yes_no_invalid',
	'country_unknown',
	'too_many_files',
	'file_type_not_allowed',
	'file_too_large'
];
const refusals: UploadRefusal[] = ['file_missing', 'file_type_not_allowed', 'file_too_large', 'file_damaged', 'file_too_complex'];
const problems: ApplicationProblem[] = [
	'unknown',
	'call_not_found',
	'call_not_open',
	'call_closed',
	'deadline_passed',
	'already_submitted',
	'not_editable',
	'submission_limit_reached',
	'duplicate_submission'
];

describe('wording every code', () => {
	it('covers every answer error, upload refusal and form-level code', () => {
		for (const code of [...answerCodes, ...refusals, 'consent_required', 'eligibility_required', 'field_unknown'] as FormErrorCode[]) {
			expect(formErrorCodes).toContain(code);
		}
		expect([...applicationProblems].sort()).toEqual([...problems].sort());
	});

	it('gives each code its own message in every language, translated rather than English', () => {
		for (const locale of locales) {
			const seen = new Set<string>();
			for (const code of formErrorCodes) {
				const message = formErrorMessage(code, locale);
				expect(message.length, `${code} in ${locale}`).toBeGreaterThan(5);
				if (locale !== 'en') expect(message, `${code} in ${locale}`).not.toBe(formErrorMessage(code, 'en'));
				seen.add(message);
			}
			// Two codes may share wording only by accident; here none do.
			expect(seen.size).toBe(formErrorCodes.length);
			for (const problem of applicationProblems) {
				const message = problemMessage(problem, locale);
				if (locale !== 'en') expect(message, `${problem} in ${locale}`).not.toBe(problemMessage(problem, 'en'));
			}
		}
	});

	it('keys service issues by input name', () => {
		expect(issuesToErrors({ email: 'email_invalid', 'answers.size': 'number_out_of_range', consent: 'consent_required' })).toEqual({
			email: formErrorMessage('email_invalid'),
			'field.size': formErrorMessage('number_out_of_range'),
			consent: formErrorMessage('consent_required')
		});
	});

	it('answers a closed call with 410, a conflict with 409, a missing one with 404', () => {
		expect(problemStatus('deadline_passed')).toBe(410);
		expect(problemStatus('call_closed')).toBe(410);
		expect(problemStatus('duplicate_submission')).toBe(409);
		expect(problemStatus('unknown')).toBe(404);
	});
});

function field(key: string, type: CallField['type'], options: CallField['options'] = {}): CallField {
	return { id: 1, callId: 1, key, position: 0, type, label: { en: key }, help: { en: '' }, required: false, contact: false, options };
}

describe('reading the form', () => {
	const fields = [field('title', 'short_text'), field('tools', 'multiple_choice'), field('photo', 'file', { allowedTypes: ['image/jpeg'], maxBytes: 2_000_000, maxFiles: 2 })];

	it('reads values, repeated choices and files by `field.<key>`, skipping empty file inputs', async () => {
		const form = new FormData();
		form.append('email', ' ana@example.org ');
		form.append('name', 'Ana');
		form.append('consent', 'yes');
		form.append('field.title', 'Walls');
		form.append('field.tools', 'brush');
		form.append('field.tools', 'spray');
		form.append('field.photo', new File([new Uint8Array([1, 2, 3])], 'a.jpg'));
		form.append('field.photo', new File([], ''));
		form.append('field.unknown', 'dropped');
		form.append('draft', 'token');
		form.append('remove_file', '12');
		const read = await readApplicationForm(form, fields);
		expect(read.values).toEqual({ email: 'ana@example.org', name: 'Ana', consent: true, eligibility: false, answers: { title: 'Walls', tools: ['brush', 'spray'] } });
		expect(read.uploads).toHaveLength(1);
		expect(read.uploads[0]).toMatchObject({ fieldKey: 'photo', fileName: 'a.jpg' });
		expect(read.draft).toBe('token');
		expect(read.removeFile).toBe(12);
		expect(read.website).toBe('');
	});

	it('bounds the body by the call’s file limits, with room for the text', () => {
		const bytes = maxFormBytes(fields);
		expect(bytes).toBeGreaterThan(4_000_000);
		expect(bytes).toBeLessThan(6_000_000);
	});

	it('writes sizes as people read them', () => {
		expect(formatBytes(2_400_000, 'en')).toBe('2.4 MB');
		expect(formatBytes(512_000, 'en')).toBe('512 kB');
	});
});

describe('readBoundedForm', () => {
	const spool = mkdtempSync(join(tmpdir(), 'arts-spool-'));
	afterAll(() => rmSync(spool, { recursive: true, force: true }));

	function posted(form: FormData) {
		return new Request('http://localhost/calls/x/apply', { method: 'POST', body: form });
	}

	it('keeps text in memory and each file on disk until it is read, in the order sent', async () => {
		const form = new FormData();
		form.append('email', 'ana@example.org');
		form.append('field.photos', new File([new Uint8Array(300_000).fill(1)], 'first.jpg', { type: 'image/jpeg' }));
		form.append('field.photos', new File([new Uint8Array([2, 2])], 'second.jpg', { type: 'image/jpeg' }));
		form.append('field.empty', new File([], ''));
		const body = await readBoundedForm(posted(form), 1_000_000, spool);
		expect(body.ok).toBe(true);
		if (!body.ok) return;
		expect(body.form.get('email')).toBe('ana@example.org');
		expect(body.form.getAll('field.empty')).toEqual([]);
		const photos = body.form.getAll('field.photos') as File[];
		expect(photos.map((f) => [f.name, f.size, f.type])).toEqual([
			['first.jpg', 300_000, 'image/jpeg'],
			['second.jpg', 2, 'image/jpeg']
		]);
		expect(readdirSync(spool)).toHaveLength(2);
		expect([...new Uint8Array(await photos[1]!.arrayBuffer())]).toEqual([2, 2]);
		await body.discard();
		expect(readdirSync(spool)).toEqual([]);
	});

	it('refuses a body over the limit as it streams in and leaves nothing spooled', async () => {
		const form = new FormData();
		form.append('field.photos', new File([new Uint8Array(200_000)], 'big.jpg', { type: 'image/jpeg' }));
		const request = posted(form);
		const bytes = new Uint8Array(await request.arrayBuffer());
		let offset = 0;
		// No announced length, sent in pieces: the limit is found while reading.
		const pieces = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (offset >= bytes.length) return controller.close();
				controller.enqueue(bytes.slice(offset, (offset += 16_384)));
			}
		});
		const streamed = new Request(request.url, { method: 'POST', headers: { 'content-type': request.headers.get('content-type')! }, body: pieces, duplex: 'half' } as RequestInit);
		expect(await readBoundedForm(streamed, 100_000, spool)).toEqual({ ok: false, reason: 'too_large' });
		expect(readdirSync(spool)).toEqual([]);
	});

	it('calls a body that is not a form unreadable', async () => {
		const request = new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: 'not multipart at all' });
		expect(await readBoundedForm(request, 1000, spool)).toEqual({ ok: false, reason: 'unreadable' });
		expect(readdirSync(spool)).toEqual([]);
	});
});
