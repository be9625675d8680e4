import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { locales } from '$lib/i18n/locales';
import { displayNames, listFormat } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { can } from '$lib/people/roles';
import { app } from '$lib/server/app';
import { contentItems, emptyItemData, hasRowKeys, isArchiveItemType, missingTranslations, pageFieldHints, pageLabels, type ContentItemType, type FieldSpec } from '$lib/server/content/content-items';
import { formValuesFromData, formValuesFromForm, itemDataFromForm } from '$lib/server/content/content-form';
import {
	ContentConflictError,
	RevisionStateError,
	getEditable,
	getRevision,
	itemTitle,
	listRevisions,
	newItemKey,
	publish,
	restore,
	saveDraft,
	schedule,
	unschedule,
	type Actor
} from '$lib/server/content/revisions.service';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { listPhotosForPicker } from '$lib/server/media/media.service';
import { thumbnailOf } from '$lib/server/media/media-thumbnail';
import type { PickablePhoto } from '$lib/admin/photos';
import { editorChoices } from '$lib/server/content/archive-admin';
import { countryOptions } from '$lib/server/shared/countries';
import { zonedWallTimeToInstant } from '$lib/server/shared/zoned-time';
import { canonicalTimeZone } from '$lib/i18n/time-zones';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';
import { actorOf, contentAnswers, itemTypeOf } from '../../content-route';
import { fieldWord, translatedField } from '../../field-words';
import { translatedIssues } from '../../issue-words';

export const load = withDomainErrors(async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, 'content.edit');
	const type = itemTypeOf(params.type);
	const spec = contentItems[type];
	requirePermission(locals, url, spec.editPermission);
	// "Add an item" links here; the item gets a key of its own until it is published.
	if (params.key === 'new' && hasRowKeys(type)) redirect(303, adminUrls.content.item(type, newItemKey()));

	const { db } = app();
	const editable = await getEditable(db, type, params.key);
	const current = editable.pending?.data ?? editable.live ?? emptyItemData(type);
	const revisions = await listRevisions(db, type, params.key);
	return {
		item: {
			type,
			key: params.key,
			label: fieldWord(spec.label),
			groupLabel: fieldWord(spec.groupLabel),
			title: type === 'page' ? fieldWord(pageLabels[params.key as keyof typeof pageLabels]) : itemTitle(type, current, params.key),
			published: editable.live !== undefined
		},
		// Initiatives, stories and events have a list of their own to go back to.
		listUrl: isArchiveItemType(type) ? { initiative: adminUrls.archive.initiatives, story: adminUrls.archive.stories, event: adminUrls.archive.events, exhibition: adminUrls.exhibitions.list, custom_page: adminUrls.pages.list }[type] : null,
		// In the staff person's language; a page's own help texts where the public page uses a field differently.
		fields: fieldsOf(type, params.key).map(translatedField),
		values: formValuesFromData(type, current),
		liveValues: editable.live ? formValuesFromData(type, editable.live) : null,
		missing: missingTranslations(type, current),
		pending: editable.pending ? revisionView(editable.pending) : null,
		scheduled: editable.scheduled ? revisionView(editable.scheduled) : null,
		latestRevisionId: editable.latestRevisionId,
		revisions: revisions.map(revisionView),
		canPublish: can(staff.role, spec.publishPermission),
		// A time typed to schedule a publish is read in this zone (UTC until the person chose theirs).
		timeZone: zoneOf(staff),
		timeZoneChosen: Boolean(staff.timeZone && canonicalTimeZone(staff.timeZone)),
		// Photos a page may show: ready ones, newest first, named by their English alt text.
		photos: spec.fields.some((f) => f.kind === 'image' || f.rows?.some((r) => r.kind === 'image')) ? await pickablePhotos() : [],
		choices: await editorChoices(db, spec.fields),
		countries: spec.fields.some((f) => f.rows?.some((r) => r.kind === 'country')) ? countryOptions('en') : []
	};
}, contentAnswers) satisfies PageServerLoad;

/** The fields of an item, with the help texts its page has of its own. */
function fieldsOf(type: ContentItemType, key: string): FieldSpec[] {
	const fields = contentItems[type].fields;
	const hints = type === 'page' ? pageFieldHints[key as keyof typeof pageFieldHints] : undefined;
	return hints ? fields.map((field) => (hints[field.name] ? { ...field, hint: hints[field.name] } : field)) : fields;
}

/** The zone the staff person reads and types times in: theirs, else UTC. */
function zoneOf(staff: NonNullable<App.Locals['staff']>): string {
	return (staff.timeZone && canonicalTimeZone(staff.timeZone)) || 'UTC';
}

async function pickablePhotos(): Promise<PickablePhoto[]> {
	const names = displayNames(getLocale(), { type: 'language' });
	const list = listFormat(getLocale(), { type: 'conjunction' });
	return (await listPhotosForPicker(app().db)).map((photo) => ({
		id: photo.id,
		label: photo.alt.en,
		described: list.format(locales.filter((l) => photo.alt[l]?.trim()).map((l) => names.of(l) ?? l)),
		thumbnail: thumbnailOf(photo)
	}));
}

function revisionView(r: { id: number; status: string; authorName: string | null; authorEmail: string | null; createdAt: string; publishAt: string | null; publishedAt: string | null }) {
	// Only a name is shown for other people: their e-mail address stays out of the page.
	return { id: r.id, status: r.status, by: r.authorName ?? m.contentadmin_former_staff(), createdAt: r.createdAt, publishAt: r.publishAt, publishedAt: r.publishedAt };
}

type Step = 'edit' | 'publish';

/**
 * Beside the item's own fields: the revision the edit started from (`base`), the
 * preview's language, the moment to publish (a wall time, read in the staff
 * person's own zone), and the revision to unschedule or restore.
 */
const stepsForm = formSchema({
	base: formField.id(),
	previewLang: formField.choice(locales, 'en'),
	publishAt: formField.text(1000),
	revision: formField.id()
});

/** The first lines of every action: who asks, for which item. */
function guard(event: RequestEvent, step: Step): { actor: Actor; type: ContentItemType; key: string } {
	const staff = requirePermission(event.locals, event.url, step === 'edit' ? 'content.edit' : 'content.publish');
	const type = itemTypeOf(event.params.type);
	const spec = contentItems[type];
	requirePermission(event.locals, event.url, step === 'edit' ? spec.editPermission : spec.publishPermission);
	return { actor: actorOf(staff), type, key: event.params.key };
}

/**
 * Saves the posted form as a draft. A refused save answers with what was typed
 * (and, on a conflict, the other person's version), so nothing is lost.
 */
async function saveForm(event: RequestEvent, step: Step) {
	const { actor, type, key } = guard(event, step);
	const form = await event.request.formData();
	const values = formValuesFromForm(type, form);
	const base = stepsForm.read(form).base ?? null;
	try {
		const saved = await saveDraft(app().content, actor, { type, key, data: itemDataFromForm(type, form), baseRevisionId: base });
		return { ok: true as const, saved, form, actor, type, key };
	} catch (e) {
		if (e instanceof ContentConflictError) {
			const theirs = await getRevision(app().db, e.latest.id);
			return {
				ok: false as const,
				failure: fail(409, {
					values,
					// Saving again starts from their version: the editor has now seen it.
					base: e.latest.id,
					conflict: { revisionId: e.latest.id, by: e.latest.authorName ?? m.contentadmin_someone(), at: e.latest.createdAt, you: e.latest.authorId === actor.id },
					theirs: formValuesFromData(type, theirs.data)
				})
			};
		}
		// What is wrong with a field, in the staff person's language.
		return { ok: false as const, failure: failWith(e, (issues) => ({ issues: translatedIssues(issues, type), values, base })) };
	}
}

export const actions = {
	save: withDomainErrors(async (event) => {
		requirePermission(event.locals, event.url, 'content.edit');
		const result = await saveForm(event, 'edit');
		if (!result.ok) return result.failure;
		return { done: 'saved', created: result.saved.created };
	}, contentAnswers),
	preview: withDomainErrors(async (event) => {
		requirePermission(event.locals, event.url, 'content.edit');
		const result = await saveForm(event, 'edit');
		if (!result.ok) return result.failure;
		redirect(303, `${adminUrls.content.preview(result.saved.revision.id)}?lang=${stepsForm.read(result.form).previewLang}`);
	}, contentAnswers),
	publish: withDomainErrors(async (event) => {
		requirePermission(event.locals, event.url, 'content.publish');
		const result = await saveForm(event, 'publish');
		if (!result.ok) return result.failure;
		let published;
		try {
			published = await publish(app().content, result.actor, result.saved.revision.id);
		} catch (e) {
			// Someone published (or scheduled and the job published) this very draft a moment ago.
			if (e instanceof RevisionStateError) return fail(409, { problem: 'already-published' });
			// A photo lacks alt text: the draft is saved, the form keeps what was typed.
			return failWith(e, (issues) => ({ issues: translatedIssues(issues, result.type), values: formValuesFromForm(result.type, result.form), base: result.saved.revision.id, notPublished: true }));
		}
		if (published.key !== result.key) redirect(303, `${adminUrls.content.item(result.type, published.key)}?published`);
		return { done: 'published', languages: published.languages };
	}, contentAnswers),
	schedule: withDomainErrors(async (event) => {
		const staff = requirePermission(event.locals, event.url, 'content.publish');
		const result = await saveForm(event, 'publish');
		if (!result.ok) return result.failure;
		const values = formValuesFromForm(result.type, result.form);
		const typed = stepsForm.read(result.form).publishAt.trim();
		// The time as the staff person's clock shows it, in the zone the form names (theirs, else UTC), whatever the browser's.
		const timeZone = zoneOf(staff);
		const at = instantOf(typed, timeZone);
		try {
			await schedule(app().content, result.actor, result.saved.revision.id, at);
		} catch (e) {
			// The draft is saved; the time, or a photo's alt text, needs another go.
			return failWith(e, (issues) =>
				issues.publishAt
					? { values, scheduleProblem: issues.publishAt, publishAt: typed, base: result.saved.revision.id }
					: { values, issues: translatedIssues(issues, result.type), publishAt: typed, base: result.saved.revision.id, notPublished: true }
			);
		}
		return { done: 'scheduled', at: at.toISOString(), timeZone };
	}, contentAnswers),
	unschedule: withDomainErrors(async (event) => {
		const { actor, type, key } = guard(event, 'publish');
		const id = stepsForm.read(await event.request.formData()).revision;
		if (!id) return fail(400, { problem: 'invalid' });
		try {
			await unschedule(app().content, actor, { type, key }, id);
		} catch (e) {
			if (e instanceof RevisionStateError) return fail(409, { problem: 'not-scheduled' });
			throw e;
		}
		return { done: 'unscheduled' };
	}, contentAnswers),
	restore: withDomainErrors(async (event) => {
		const { actor, type, key } = guard(event, 'publish');
		const id = stepsForm.read(await event.request.formData()).revision;
		const source = id ? await getRevision(app().db, id) : undefined;
		if (!source || source.type !== type || source.key !== key) return fail(400, { problem: 'invalid' });
		try {
			const restored = await restore(app().content, actor, source.id);
			return { done: 'restored', from: source.id, revision: restored.id };
		} catch (e) {
			if (e instanceof ContentConflictError) return fail(409, { problem: 'busy' });
			throw e;
		}
	}, contentAnswers)
} satisfies Actions;

/** The instant of a wall time ("2027-01-15T09:00") in `timeZone`; an invalid Date (refused by `schedule`) when it is not one. */
function instantOf(wall: string, timeZone: string): Date {
	try {
		return zonedWallTimeToInstant(wall, timeZone);
	} catch {
		return new Date(Number.NaN);
	}
}
