import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { adminUrls } from '$lib/admin/urls';
import { app } from '$lib/server/app';
import { artworkFormValues, artworkInputFromForm } from '$lib/server/exhibitions/artwork-form';
import { readArtwork } from '$lib/server/exhibitions/artwork.queries';
import { deleteArtwork, updateArtwork } from '$lib/server/exhibitions/artwork.service';
import { requirePermission } from '$lib/server/people/guard';
import { failWith } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { actorOf, staffWorkIssues, thumbnailsOf, workAnswers, workFormChoices } from '../works-route';
import { m } from '$lib/paraglide/messages';

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'exhibitions.manage');
	const { db } = app();
	const work = await readArtwork(db, Number(params.id));
	if (!work) error(404, workAnswers.notFound!);
	const thumbnails = await thumbnailsOf(
		db,
		work.images.map((i) => i.mediaId)
	);
	return {
		work: { id: work.id, title: work.title.en, artistIds: work.artistIds, images: work.images.map((i) => ({ ...i, thumbnail: thumbnails.get(i.mediaId) ?? null })) },
		values: artworkFormValues(work),
		choices: await workFormChoices(db),
		saved: url.searchParams.has('saved')
	};
}, workAnswers) satisfies PageServerLoad;

export const actions = {
	save: withDomainErrors(async ({ locals, url, request, params }) => {
		const staff = requirePermission(locals, url, 'exhibitions.manage');
		const input = artworkInputFromForm(await request.formData());
		try {
			await updateArtwork(app().exhibitions, actorOf(staff), Number(params.id), input);
		} catch (e) {
			return failWith(e, (issues) => ({ issues: staffWorkIssues(issues, staff.locale), values: artworkFormValues(input), artistIds: input.artistIds, images: input.images }));
		}
		redirect(303, `${adminUrls.exhibitions.work(Number(params.id))}?saved=1`);
	}, workAnswers),
	delete: withDomainErrors(async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, 'exhibitions.manage');
		try {
			await deleteArtwork(app().exhibitions, actorOf(staff), Number(params.id));
		} catch (e) {
			return failWith(e, (issues) => {
				const worded = staffWorkIssues(issues, staff.locale);
				return { refused: worded.delete ?? Object.values(worded)[0] ?? m.library_work_cannot_delete({}, { locale: staff.locale }) };
			});
		}
		redirect(303, `${adminUrls.exhibitions.works}?deleted=1`);
	}, workAnswers)
} satisfies Actions;
