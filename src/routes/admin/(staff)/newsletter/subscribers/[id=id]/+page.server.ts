import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localeNames, isLocale } from '$lib/i18n/locales';
import { app } from '$lib/server/app';
import { eraseSubscriberAsStaff, getSubscriberDetail, staffNoteMaxLength, type ConsentLedgerEntry } from '$lib/server/newsletter/subscriber-admin';
import { topicChoices } from '$lib/server/newsletter/topic-admin';
import { requirePermission } from '$lib/server/people/guard';
import { formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';

const notFound = 'This subscriber does not exist (any more): their data may have been erased.';

/** What a ledger entry's detail says, in a line for staff. */
function summaryOf(entry: ConsentLedgerEntry): string {
	const d = entry.detail;
	const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(', ') : 'none');
	switch (entry.action) {
		case 'subscribed':
			return `Language ${String(d.locale ?? '?')}; topics: ${list(d.topics)}`;
		case 'imported':
			return `Import ${String(d.importId ?? '?')}, row ${String(d.row ?? '?')}. How they agreed: “${String(d.statement ?? '')}”`;
		case 'preferences-changed': {
			const before = (d.before ?? {}) as Record<string, unknown>;
			const after = (d.after ?? {}) as Record<string, unknown>;
			const changes: string[] = [];
			if (before.locale !== after.locale) changes.push(`language ${String(before.locale)} → ${String(after.locale)}`);
			if (list(before.topics) !== list(after.topics)) changes.push(`topics ${list(before.topics)} → ${list(after.topics)}`);
			if (before.paused !== after.paused) changes.push(after.paused ? 'paused' : 'no longer paused');
			return changes.length > 0 ? changes.join('; ') : 'Saved without changes';
		}
		case 'unsubscribed':
			return d.previousStatus ? `Was ${String(d.previousStatus)}` : '';
		case 'deleted':
			return [d.reason ? `Reason: ${String(d.reason)}` : '', d.note ? `Note: ${String(d.note)}` : ''].filter(Boolean).join('; ');
		default:
			return '';
	}
}

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'newsletter.subscribers');
	const { db } = app();
	const id = Number(params.id);
	const [subscriber, topics] = await Promise.all([getSubscriberDetail(db, id), topicChoices(db)]);
	const topicName = new Map(topics.map((t) => [t.key, t.name]));
	return {
		subscriber: {
			id: subscriber.id,
			email: subscriber.email,
			name: subscriber.name,
			language: isLocale(subscriber.locale) ? `${localeNames[subscriber.locale]} (${subscriber.locale})` : subscriber.locale,
			status: subscriber.status,
			paused: subscriber.paused,
			topics: subscriber.topics.map((t) => topicName.get(t) ?? t),
			consentTextVersion: subscriber.consentTextVersion,
			createdAt: subscriber.createdAt,
			confirmedAt: subscriber.confirmedAt,
			unsubscribedAt: subscriber.unsubscribedAt,
			updatedAt: subscriber.updatedAt
		},
		ledger: subscriber.ledger.map((e) => ({
			id: e.id,
			at: e.at,
			action: e.action,
			method: e.method,
			consentTextVersion: e.consentTextVersion,
			sourcePage: e.sourcePage,
			summary: summaryOf(e)
		})),
		noteMax: staffNoteMaxLength
	};
}, { notFound }) satisfies PageServerLoad;

/** Erasing: a note for the record, and the confirmation. */
const eraseForm = formSchema({ note: formField.text(staffNoteMaxLength), confirm: formField.is('yes') });

export const actions = {
	delete: withDomainErrors(async ({ locals, url, params, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'newsletter.subscribers');
		const id = Number(params.id);
		const { note, confirm } = eraseForm.read(await request.formData());
		if (!confirm) {
			return fail(400, { issues: { confirm: 'Tick the box to confirm: erasing cannot be undone.' }, note });
		}
		await eraseSubscriberAsStaff(app().newsletter, staff, id, { note, ip: getClientAddress() });
		redirect(303, `${adminUrls.newsletter.subscribers}?deleted`);
	}, { notFound })
} satisfies Actions;
