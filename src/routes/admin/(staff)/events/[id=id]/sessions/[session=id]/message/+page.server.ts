import { m } from '$lib/paraglide/messages';
import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localeNames, type Locale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { checkSessionMessage, messageConfirmedRegistrants, messageRecipients } from '$lib/server/events/session-message.service';
import { formField, formSchema, refusedIssues } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { sessionAnswers } from '../../session-form';
import { sessionRoute } from '../session-route';

/**
 * Writing to everyone confirmed for a session: the text, then a preview with
 * the number of people and their languages, then "Send", which queues one e-mail
 * each. The message's id is drawn for the preview and carried by its form, so
 * pressing "Send" twice sends once.
 */
export const load = withDomainErrors(async (event) => {
	const { session, event: found, eventId } = await sessionRoute(event);
	const recipients = await messageRecipients(app().db, session.id);
	return {
		event: found,
		eventId,
		session: { id: session.id, startsLocal: session.starts_local, endsLocal: session.ends_local, timeZone: session.time_zone, status: session.status },
		recipients: recipients.total,
		languages: Object.entries(recipients.byLocale).map(([code, count]) => ({ name: localeNames[code as Locale] ?? code, count }))
	};
}, sessionAnswers) satisfies PageServerLoad;

const messageForm = formSchema({ subject: formField.text(300), body: formField.text(12_000), id: formField.trimmed(40), confirm: formField.is('yes') });

function issueWords(issues: Record<string, string>): Record<string, string> {
	const words: Record<string, () => string> = {
		required: m.events_message_issue_required,
		'too-long': m.events_issue_too_long,
		'one-line': m.events_message_issue_one_line,
		'message-id': m.events_message_issue_message_id,
		cancelled: m.events_message_issue_cancelled
	};
	return Object.fromEntries(Object.entries(issues).map(([field, code]) => [field, (words[code] ?? m.events_message_issue_check)()]));
}

export const actions = {
	preview: withDomainErrors(async (event) => {
		const { sessionId } = await sessionRoute(event);
		const values = messageForm.read(await event.request.formData());
		try {
			const message = checkSessionMessage({ subject: values.subject, body: values.body });
			const recipients = await messageRecipients(app().db, sessionId);
			return { preview: { ...message, id: randomUUID(), recipients: recipients.total } };
		} catch (e) {
			const issues = refusedIssues(e);
			if (!issues) throw e;
			return fail(400, { values: { subject: values.subject, body: values.body }, issues: issueWords(issues) });
		}
	}, sessionAnswers),
	send: withDomainErrors(async (event) => {
		const { actor, sessionId } = await sessionRoute(event);
		const values = messageForm.read(await event.request.formData());
		if (!values.confirm) return fail(400, { values: { subject: values.subject, body: values.body }, issues: { form: m.events_message_issue_preview_first() } });
		try {
			const sent = await messageConfirmedRegistrants(app().events, actor, sessionId, values.id, { subject: values.subject, body: values.body });
			return { sent };
		} catch (e) {
			const issues = refusedIssues(e);
			if (!issues) throw e;
			return fail(400, { values: { subject: values.subject, body: values.body }, issues: issueWords(issues) });
		}
	}, sessionAnswers)
} satisfies Actions;
