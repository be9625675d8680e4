import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptedMimeTypes } from '$lib/server/platform/images/image-processing';
import { createWorksFromUploads } from './work-upload.server';
import { requirePermission } from '$lib/server/people/guard';
import { actorOf } from '../works-route';
import { isBodyTooLarge, uploadRules } from '../../media/media-route';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'exhibitions.manage');
	return { accept: [...acceptedMimeTypes, '.heic', '.heif'].join(','), rules: uploadRules(staff.locale) };
};

/**
 * Several images, one new work each (titled from the file name). Without
 * JavaScript all files come in one post; the page's script sends them one at a
 * time instead, to show progress, to this same action.
 */
export const actions = {
	default: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'exhibitions.manage');
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			if (isBodyTooLarge(e)) return fail(413, { results: [], tooLarge: uploadRules(staff.locale).tooLarge });
			throw e;
		}
		const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length === 0) return fail(400, { results: [], tooLarge: null, missing: true });
		const results = await createWorksFromUploads(actorOf(staff), staff.locale, await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
		return { results, tooLarge: null, missing: false };
	}
} satisfies Actions;
