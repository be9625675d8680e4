import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { deleteMedia, getMedia } from '$lib/server/media/media.service';
import { requirePermission } from '$lib/server/people/guard';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { adminUrls } from '$lib/admin/urls';
import { actorOf, mediaAnswers, thumbnailOf } from '../../media-route';

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'media.manage');
	const media = await getMedia(app().db, Number(params.id));
	return { media: { id: media.id, name: media.originalName, alt: media.alt.en, thumbnail: thumbnailOf(media) } };
}, mediaAnswers) satisfies PageServerLoad;

export const actions = {
	default: withDomainErrors(async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, 'media.manage');
		await deleteMedia(app().media, actorOf(staff), Number(params.id));
		redirect(303, `${adminUrls.media.list}?deleted`);
	}, mediaAnswers)
} satisfies Actions;
