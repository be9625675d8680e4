import { isHttpError, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { httpAnswerTo, withDomainErrors } from './domain-errors';

const event = {} as RequestEvent;

async function thrownBy(work: () => Promise<unknown>): Promise<unknown> {
	try {
		await work();
	} catch (e) {
		return e;
	}
	throw new Error('nothing was thrown');
}

describe('withDomainErrors', () => {
	it('gives back what the handler returns', async () => {
		await expect(withDomainErrors(async () => ({ ok: true }))(event)).resolves.toEqual({ ok: true });
	});

	it('answers each typed domain error with its status and the route’s words', async () => {
		const answers = { notFound: 'There is no such photo.', forbidden: 'Not yours.' };
		const cases = [
			[new NotFoundError('media 7'), 404, 'There is no such photo.'],
			[new ForbiddenError('self'), 403, 'Not yours.'],
			[new ValidationError({ id: 'invalid' }), 400, 'We could not read this request. Please check the address or the form and try again.']
		] as const;
		for (const [domainError, status, message] of cases) {
			const thrown = await thrownBy(() => withDomainErrors(async () => Promise.reject(domainError), answers)(event));
			expect(isHttpError(thrown, status) && thrown.body.message, domainError.name).toBe(message);
		}
	});

	it('answers a ForbiddenError as a 404 where the route hides what the person may not see', async () => {
		const thrown = await thrownBy(() =>
			withDomainErrors(async () => Promise.reject(new ForbiddenError('not assigned')), { notFound: 'Nothing here for you.', forbiddenAsNotFound: true })(event)
		);
		expect(isHttpError(thrown, 404) && thrown.body.message).toBe('Nothing here for you.');
	});

	it('lets every other error, redirects and SvelteKit’s own errors through unchanged', async () => {
		const bug = new TypeError('a bug');
		expect(await thrownBy(() => withDomainErrors(async () => Promise.reject(bug))(event))).toBe(bug);
		expect(isRedirect(await thrownBy(() => withDomainErrors(async () => redirect(303, '/admin'))(event)))).toBe(true);
		expect(httpAnswerTo(bug)).toBeUndefined();
	});

	it('says it in the visitor’s language when the route has no words of its own', async () => {
		const answer = (path: string) =>
			paraglideMiddleware(new Request(`http://site.test${path}`), async () => {
				const thrown = await thrownBy(() => withDomainErrors(async () => Promise.reject(new NotFoundError('call 7')))(event));
				return new Response(isHttpError(thrown, 404) ? thrown.body.message : 'not a 404');
			});
		expect(await (await answer('/calls/x')).text()).toBe('We could not find this page. It may have moved, or the address may have a typo.');
		expect(await (await answer('/es/calls/x')).text()).toBe('No pudimos encontrar esta página. Puede que se haya movido o que la dirección tenga un error de escritura.');
	});
});
