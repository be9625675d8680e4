import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localeNames, isLocale, type Locale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { subscriberStateWord } from '../subscriber-filters';
import { app } from '$lib/server/app';
import { eraseSubscriberAsStaff, getSubscriberDetail, staffNoteMaxLength, type ConsentLedgerEntry } from '$lib/server/newsletter/subscriber-admin';
import { topicChoices } from '$lib/server/newsletter/topic-admin';
import { requirePermission } from '$lib/server/people/guard';
import { formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';

/** Read when the error happens, so it is in the staff member's language. */
const notFound = {
	get notFound() {
		return m.nladmin_subscriber_not_found();
	}
};

/** What a ledger entry's detail says, in a line for staff, in their language. */
function summaryOf(entry: ConsentLedgerEntry, locale: Locale): string {
	const d = entry.detail;
	const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(', ') : m.nladmin_none({}, { locale }));
	switch (entry.action) {
		case 'subscribed':
			return m.nladmin_summary_subscribed({ language: String(d.locale ?? '?'), topics: list(d.topics) }, { locale });
		case 'imported':
			return m.nladmin_summary_imported({ id: String(d.importId ?? '?'), row: String(d.row ?? '?'), statement: String(d.statement ?? '') }, { locale });
		case 'preferences-changed': {
			const before = (d.before ?? {}) as Record<string, unknown>;
			const after = (d.after ?? {}) as Record<string, unknown>;
			const changes: string[] = [];
			if (before.locale !== after.locale) changes.push(m.nladmin_summary_language({ before: String(before.locale), after: String(after.locale) }, { locale }));
			if (list(before.topics) !== list(after.topics)) changes.push(m.nladmin_summary_topics({ before: list(before.topics), after: list(after.topics) }, { locale }));
			if (before.paused !== after.paused) changes.push(after.paused ? m.nladmin_summary_paused({}, { locale }) : m.nladmin_summary_unpaused({}, { locale }));
			return changes.length > 0 ? changes.join('; ') : m.nladmin_summary_unchanged({}, { locale });
		}
		case 'unsubscribed':
			return d.previousStatus ? m.nladmin_summary_was({ status: subscriberStateWord(String(d.previousStatus)) }, { locale }) : '';
		case 'deleted':
			return [d.reason ? m.nladmin_summary_reason({ reason: String(d.reason) }, { locale }) : '', d.note ? m.nladmin_summary_note({ note: String(d.note) }, { locale }) : '']
				.filter(Boolean)
				.join('; ');
		default:
			return '';
	}
}

export const load = withDomainErrors(async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, 'newsletter.subscribers');
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
			summary: summaryOf(e, staff.locale)
		})),
		noteMax: staffNoteMaxLength
	};
}, notFound) satisfies PageServerLoad;

/** Erasing: a note for the record, and the confirmation. */
const eraseForm = formSchema({ note: formField.text(staffNoteMaxLength), confirm: formField.is('yes') });

export const actions = {
	delete: withDomainErrors(async ({ locals, url, params, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'newsletter.subscribers');
		const id = Number(params.id);
		const { note, confirm } = eraseForm.read(await request.formData());
		if (!confirm) {
			return fail(400, { issues: { confirm: m.nladmin_erase_tick({}, { locale: staff.locale }) }, note });
		}
		await eraseSubscriberAsStaff(app().newsletter, staff, id, { note, ip: getClientAddress() });
		redirect(303, `${adminUrls.newsletter.subscribers}?deleted`);
	}, notFound)
} satisfies Actions;
