import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';

/*
 * The one place where the typed domain errors (errors.ts) become HTTP answers.
 *
 * SvelteKit takes a response's status only from its own HttpError, which error()
 * throws: any other error is a 500, and handleError cannot change that. So a load,
 * an action or an endpoint whose domain calls may throw is wrapped once with
 * withDomainErrors, and its body lets the errors through. A form action answers a
 * ValidationError itself, with fail(), where the person's input can be kept.
 */

/** What a route says for each kind of error; by default the words for the status, in the visitor's language. */
export interface DomainErrorAnswers {
	notFound?: string;
	forbidden?: string;
	/** A ForbiddenError is a 404 like a missing thing: the page tells nothing of what the person may not see. */
	forbiddenAsNotFound?: boolean;
}

/** The status and message for a typed domain error; undefined for any other error. */
export function httpAnswerTo(e: unknown, answers: DomainErrorAnswers = {}): { status: 400 | 403 | 404; message: string } | undefined {
	if (e instanceof NotFoundError || (e instanceof ForbiddenError && answers.forbiddenAsNotFound)) {
		return { status: 404, message: answers.notFound ?? m.not_found_body() };
	}
	if (e instanceof ForbiddenError) return { status: 403, message: answers.forbidden ?? m.forbidden_body() };
	if (e instanceof ValidationError) return { status: 400, message: m.bad_request_body() };
	return undefined;
}

/**
 * A load, action or endpoint that may let a typed domain error through: the
 * error is answered with its status (the error page in the visitor's language);
 * any other error goes on as before. Declare the export with `satisfies`
 * (`export const load = withDomainErrors(...) satisfies PageServerLoad`), not
 * with a type annotation: SvelteKit's generated PageData and ActionData drop the
 * annotation, and the handler's event would lose its route's types.
 */
export function withDomainErrors<E extends RequestEvent, R>(handler: (event: E) => R | Promise<R>, answers?: DomainErrorAnswers): (event: E) => Promise<R> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			const answer = httpAnswerTo(e, answers);
			if (answer) error(answer.status, answer.message);
			throw e;
		}
	};
}
