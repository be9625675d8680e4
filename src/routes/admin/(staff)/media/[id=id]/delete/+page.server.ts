import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { deleteMedia, getMedia } from '$lib/server/media/media.service';
import { requirePermission } from '$lib/server/people/guard';
import { actorOf, orNotFound, thumbnailOf } from '../../media-route';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'media.manage');
	const media = await orNotFound(getMedia(app().db, Number(params.id)));
	return { media: { id: media.id, name: media.originalName, alt: media.alt.en, thumbnail: thumbnailOf(media) } };
};

export const actions = {
	default: async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, 'media.manage');
		await orNotFound(deleteMedia(app().db, app().mediaStorage, Number(params.id), { actor: actorOf(staff) }));
		app().siteVersion.invalidate();
		redirect(303, '/admin/media?deleted');
	}
} satisfies Actions;
