import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { adminUrls } from '$lib/admin/urls';
import { app } from '$lib/server/app';
import { artworkFormValues, artworkInputFromForm } from '$lib/server/exhibitions/artwork-form';
import { createArtwork } from '$lib/server/exhibitions/artwork.service';
import { requirePermission } from '$lib/server/people/guard';
import { failWith } from '$lib/server/platform/forms';
import { actorOf, staffWorkIssues, workFormChoices } from '../works-route';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'exhibitions.manage');
	return { choices: await workFormChoices(app().db) };
};

export const actions = {
	default: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'exhibitions.manage');
		const input = artworkInputFromForm(await request.formData());
		let id: number;
		try {
			id = await createArtwork(app().exhibitions, actorOf(staff), input);
		} catch (e) {
			return failWith(e, (issues) => ({ issues: staffWorkIssues(issues, staff.locale), values: artworkFormValues(input), artistIds: input.artistIds, images: input.images }));
		}
		redirect(303, `${adminUrls.exhibitions.work(id)}?saved=1`);
	}
} satisfies Actions;
