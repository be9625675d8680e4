import { fail } from '@sveltejs/kit';
import type { Actions, RequestEvent, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { addMenuEntry, builtinTargets, isBuiltinTarget, listMenus, moveMenuEntry, removeMenuEntry, setMenuEntryVisible } from '$lib/server/content/menus';
import { requirePermission } from '$lib/server/people/guard';
import { failWith, formField, formSchema } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { actorOf, contentAnswers } from '../content/content-route';

/** The header and footer menus, every entry with its place and whether it shows, and what may be added. */
export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'content.edit');
	const menus = await listMenus(app().db);
	return { ...menus, builtins: builtinTargets };
};

const entryForm = formSchema({ entry: formField.id(), direction: formField.oneOf(['up', 'down']) });
const addForm = formSchema({ menu: formField.oneOf(['header', 'footer']), target: formField.text(40) });

/** 'builtin:about' or 'page:12', as the "add" form's choices name them. */
function targetFrom(value: string): { builtin: (typeof builtinTargets)[number] } | { pageId: number } | undefined {
	const [kind, name] = value.split(':');
	if (kind === 'builtin' && isBuiltinTarget(name)) return { builtin: name };
	if (kind === 'page' && name && /^[1-9]\d{0,8}$/.test(name)) return { pageId: Number(name) };
	return undefined;
}

/** Shows or hides one entry of a menu. */
async function setVisible({ locals, url, request }: RequestEvent, visible: boolean) {
	const staff = requirePermission(locals, url, 'content.edit');
	const { entry } = entryForm.read(await request.formData());
	if (!entry) return fail(400, { problem: 'invalid' });
	await setMenuEntryVisible(app().content, actorOf(staff), entry, visible);
	return { done: visible ? ('shown' as const) : ('hidden' as const), entry };
}

// Every change is public at once (a new site version) and audited, by anyone who may edit content.
export const actions = {
	move: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'content.edit');
		const { entry, direction } = entryForm.read(await request.formData());
		if (!entry || !direction) return fail(400, { problem: 'invalid' });
		const moved = await moveMenuEntry(app().content, actorOf(staff), entry, direction);
		return { done: moved ? 'moved' : 'at-end', entry };
	}, contentAnswers),
	show: withDomainErrors((event) => setVisible(event, true), contentAnswers),
	hide: withDomainErrors((event) => setVisible(event, false), contentAnswers),
	add: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'content.edit');
		const { menu, target: typed } = addForm.read(await request.formData());
		const target = targetFrom(typed);
		if (!menu || !target) return fail(400, { problem: 'invalid' });
		try {
			await addMenuEntry(app().content, actorOf(staff), menu, target);
		} catch (e) {
			return failWith(e, (issues) => ({ problem: issues.target === 'already-there' ? ('already-there' as const) : ('not-published' as const), menu }));
		}
		return { done: 'added', menu };
	}, contentAnswers),
	remove: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'content.edit');
		const { entry } = entryForm.read(await request.formData());
		if (!entry) return fail(400, { problem: 'invalid' });
		await removeMenuEntry(app().content, actorOf(staff), entry);
		return { done: 'removed' };
	}, contentAnswers)
} satisfies Actions;
