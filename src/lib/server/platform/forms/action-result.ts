import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { NotFoundError, ValidationError } from '../errors';

/*
 * How a form action answers a command the domain refused. The domain throws
 * ValidationError with its issues by field; the page shows the form again, each
 * issue beside its field, with everything as typed. This is the one place that
 * turns the error into that answer, so an action only says what to send back.
 */

/** A refused command's issues: a code or a message, by the name of the field it is about. */
export type Issues = Record<string, string>;

export interface RefusalOptions {
	/** 400 unless the refusal means the form is out of date (409). */
	status?: 400 | 409;
	/** Where a NotFoundError becomes the 404 page, its message; without it, a NotFoundError is thrown on. */
	notFound?: string;
}

/** The issues of a command the domain refused (a ValidationError); undefined for any other error. */
export function refusedIssues(thrown: unknown): Issues | undefined {
	return thrown instanceof ValidationError ? thrown.issues : undefined;
}

/**
 * The answer to `thrown`, caught around a domain command in a form action: a
 * ValidationError becomes `fail(400, { issues, ...data })`, or `fail(400, data(issues))`
 * for a page that words or regroups the issues itself; with `notFound`, a
 * NotFoundError becomes the 404 page. Anything else is thrown on, to be a 500.
 */
export function failWith<D extends object>(thrown: unknown, data: (issues: Issues) => D, options?: RefusalOptions): ActionFailure<D>;
export function failWith<D extends object>(thrown: unknown, data: D, options?: RefusalOptions): ActionFailure<{ issues: Issues } & D>;
export function failWith(thrown: unknown, data: object | ((issues: Issues) => object), { status = 400, notFound }: RefusalOptions = {}): ActionFailure<object> {
	const issues = refusedIssues(thrown);
	if (issues) return fail(status, typeof data === 'function' ? data(issues) : { issues, ...data });
	if (notFound !== undefined && thrown instanceof NotFoundError) error(404, notFound);
	throw thrown;
}
