import { beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '$lib/server/platform/mail/mailer';
import {
	decisionTemplates,
	defaultDecisionTemplate,
	previewDecisionMail,
	queueDecisionMails,
	renderDecisionMail,
	resetDecisionTemplate,
	saveDecisionTemplate,
	createCallsMail,
	type CallsMail
} from './application-mail';
import { saveDraft, submitApplication, withdrawApplication } from './applications.service';
import { application, openCall } from '../../../../tests/support/call-test-data';
import { decideApplication } from './review.service';
import type { CallsContext } from './calls.wiring';
import { callsContext, testMailer, testStaff } from '../../../../tests/support/domain-contexts';
import { useTestDatabase } from '../../../../tests/support/test-database';

const handle = useTestDatabase('mail_message', 'job', 'application', 'open_call');
let calls: CallsContext;
let mailer: Mailer;
let mail: CallsMail;
const origin = 'https://art.example.org';

beforeAll(() => {
	calls = callsContext(handle.db);
	mailer = testMailer();
	mail = createCallsMail({ mailer, origin });
});

const messages = () => handle.db.selectFrom('mail_message').selectAll().orderBy('id').execute();

// 20:00 in Kathmandu (UTC+05:45) is 14:15 UTC.
const kathmanduCall = { timeZone: 'Asia/Kathmandu', deadlineAt: '2099-03-28T20:00', title: { en: 'Walls that talk', ne: 'बोल्ने भित्ताहरू' } };

describe('applicant e-mails', () => {
	it('confirm a submission in the applicant’s language, with the private link and the deadline in the call’s zone and in UTC', async () => {
		const callId = await openCall(handle.db, kathmanduCall);
		const result = await submitApplication(handle.db, { callId, input: application() }, { mail });
		if (result.status !== 'submitted') throw new Error(result.status);
		const [message, ...others] = await messages();
		expect(others).toEqual([]);
		expect(message).toMatchObject({ to_address: 'ana@example.org', locale: 'ne', idempotency_key: `application-submitted:${result.applicationId}` });
		expect(message!.subject).toBe('“बोल्ने भित्ताहरू” का लागि तपाईंको आवेदन हामीले पायौँ');
		const link = `${origin}/ne/applications/${result.token}`;
		expect(message!.text_body).toContain(link);
		expect(message!.html_body).toContain(`href="${link}"`);
		expect(message!.html_body).toContain('lang="ne"');
		expect(message!.text_body).toContain('नमस्ते Ana Shrestha,');
		// The deadline in Nepal's time and in UTC, as a Nepali reader writes dates.
		expect(message!.text_body).toContain(new Intl.DateTimeFormat('ne', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date('2099-03-28T14:15:00Z')));
		expect(message!.text_body).toMatch(/UTC/);
	});

	it('are not queued when the change they report did not happen', async () => {
		const callId = await openCall(handle.db);
		await expect(submitApplication(handle.db, { callId, input: application({ consent: false }) }, { mail })).rejects.toMatchObject({
			issues: { consent: 'consent_required' }
		});
		expect(await messages()).toEqual([]);
	});

	it('send a draft’s link once, however often the draft is saved, in English at the root', async () => {
		const callId = await openCall(handle.db);
		const saved = await saveDraft(handle.db, { callId, input: application({ locale: 'en', name: '' }) }, { mail });
		if (saved.status !== 'saved') throw new Error(saved.status);
		await saveDraft(handle.db, { callId, token: saved.token, input: application({ locale: 'en' }) }, { mail });
		const [message, ...others] = await messages();
		expect(others).toEqual([]);
		expect(message!.subject).toBe('Your draft for “Walls that talk” is saved');
		expect(message!.text_body).toContain(`Continue my application: ${origin}/applications/${saved.token}`);
		expect(message!.text_body).toContain('Hello,');
	});

	it('confirm a withdrawal once, and only of a submitted application', async () => {
		const callId = await openCall(handle.db);
		const result = await submitApplication(handle.db, { callId, input: application({ locale: 'es' }) }, { mail });
		if (result.status !== 'submitted') throw new Error(result.status);
		await withdrawApplication(handle.db, result.token, { mail });
		await withdrawApplication(handle.db, result.token, { mail });
		const draft = await saveDraft(handle.db, { callId, input: application({ email: 'lu@example.org', locale: 'id' }) });
		if (draft.status !== 'saved') throw new Error(draft.status);
		await withdrawApplication(handle.db, draft.token, { mail });
		const sent = await messages();
		expect(sent.map((m) => m.subject)).toEqual(['Hemos recibido tu solicitud para «Muros que hablan»', 'Tu solicitud para «Muros que hablan» ha sido retirada']);
		expect(sent[1]!.text_body).not.toContain(result.token);
	});
});

describe('decision e-mails', () => {
	it('come from the shipped wording until staff write their own, per language, with the placeholders filled in', async () => {
		const callId = await openCall(handle.db);
		const defaults = await decisionTemplates(handle.db, callId);
		expect(defaults.map((t) => [t.decision, t.customized])).toEqual([
			['accepted', false],
			['waitlisted', false],
			['declined', false]
		]);
		expect(defaults[0]!.body.en).toContain('{name}');
		expect(defaultDecisionTemplate('declined', 'id').body).toContain('{call}');

		await saveDecisionTemplate(calls, testStaff, callId, 'accepted', {
			subject: { en: 'Welcome to {call}', es: 'Bienvenida a {call}' },
			body: { en: 'Dear {name},\n\nYou are in!', es: 'Hola, {name}:\n\n¡Estás dentro!' }
		});
		const accepted = (await decisionTemplates(handle.db, callId))[0]!;
		expect(accepted).toMatchObject({ customized: true, subject: { en: 'Welcome to {call}' } });

		const es = renderDecisionMail(accepted, { name: 'Lucía', call: 'Muros', site: 'MG', locale: 'es' });
		expect(es.subject).toBe('Bienvenida a Muros');
		expect(es.text).toContain('Hola, Lucía:\n\n¡Estás dentro!');
		expect(es.html).toContain('<p>¡Estás dentro!</p>');
		// A language staff left empty gets the shipped wording in that language, not English.
		const id = renderDecisionMail(accepted, { name: 'Putu', call: 'Muros', site: 'MG', locale: 'id' });
		expect(id.subject).toBe('Kabar baik tentang lamaran Anda untuk “Muros”');
		// Names are text, never markup.
		expect(renderDecisionMail(accepted, { name: '<b>Eve</b>', call: 'X', site: 'MG', locale: 'en' }).html).toContain('&lt;b&gt;Eve&lt;/b&gt;');

		await resetDecisionTemplate(calls, testStaff, callId, 'accepted');
		expect((await decisionTemplates(handle.db, callId))[0]!.customized).toBe(false);
	});

	it('refuse a template without English, with an unknown placeholder, or a subject on two lines', async () => {
		const callId = await openCall(handle.db);
		await expect(saveDecisionTemplate(calls, testStaff, callId, 'declined', { subject: { es: 'x' }, body: { en: 'Dear {nombre}' } })).rejects.toMatchObject({
			issues: { 'subject.en': 'required', 'body.en': 'placeholder_unknown' }
		});
		await expect(saveDecisionTemplate(calls, testStaff, callId, 'declined', { subject: { en: 'a\nb' }, body: { en: 'b' } })).rejects.toMatchObject({
			issues: { 'subject.en': 'one_line' }
		});
	});

	it('are queued for many applications once per application and decision, in each applicant’s language', async () => {
		const callId = await openCall(handle.db);
		const ids: number[] = [];
		for (const [email, locale] of [
			['ana@example.org', 'ne'],
			['lu@example.org', 'es'],
			['putu@example.org', 'id'],
			['sam@example.org', 'en']
		] as const) {
			const result = await submitApplication(handle.db, { callId, input: application({ email, locale }) });
			if (result.status !== 'submitted') throw new Error(result.status);
			ids.push(result.applicationId);
		}
		await decideApplication(calls, testStaff, ids[0]!, 'accepted');
		await decideApplication(calls, testStaff, ids[1]!, 'waitlisted');
		await decideApplication(calls, testStaff, ids[2]!, 'declined');

		const preview = await previewDecisionMail(handle.db, ids[0]!);
		expect(preview).toMatchObject({ to: 'ana@example.org', locale: 'ne', decision: 'accepted' });
		expect(preview!.text).toContain('प्रिय Ana Shrestha,');
		expect(await previewDecisionMail(handle.db, ids[3]!)).toBeUndefined();

		expect(await queueDecisionMails(handle.db, mailer, callId, [...ids, 999_999])).toEqual({ queued: 3, alreadyQueued: 0, skipped: 2 });
		expect(await queueDecisionMails(handle.db, mailer, callId, ids)).toEqual({ queued: 0, alreadyQueued: 3, skipped: 1 });
		const sent = await messages();
		expect(sent.map((m) => [m.to_address, m.locale])).toEqual([
			['ana@example.org', 'ne'],
			['lu@example.org', 'es'],
			['putu@example.org', 'id']
		]);
		expect(sent[1]!.text_body).toContain('lista de espera');

		// A changed decision is a new message; the earlier one is not sent again.
		await decideApplication(calls, testStaff, ids[1]!, 'accepted');
		expect(await queueDecisionMails(handle.db, mailer, callId, [ids[1]!])).toEqual({ queued: 1, alreadyQueued: 0, skipped: 0 });
		expect(await handle.db.selectFrom('job').select('id').where('kind', '=', 'mail.send').execute()).toHaveLength(4);
	});
});
