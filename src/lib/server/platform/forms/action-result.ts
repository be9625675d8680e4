import { fail, type ActionFailure } from '@sveltejs/kit';
import { ValidationError } from '../errors';

/*
 * How a form action answers a command the domain refused. The domain throws
 * ValidationError with its issues by field; the page shows the form again, each
 * issue beside its field, with everything as typed. This is the one place that
 * turns the error into that answer, so an action only says what to send back.
 * (Every other typed domain error is answered by withDomainErrors, http/domain-errors.ts.)
 */

/** A refused command's issues: a code or a message, by the name of the field it is about. */
export type Issues = Record<string, string>;

export interface RefusalOptions {
	/** 400 unless the refusal means the form is out of date (409). */
	status?: 400 | 409;
}

/** The issues of a command the domain refused (a ValidationError); undefined for any other error. */
export function refusedIssues(thrown: unknown): Issues | undefined {
	return thrown instanceof ValidationError ? thrown.issues : undefined;
}

/**
 * The answer to `thrown`, caught around a domain command in a form action: a
 * ValidationError becomes `fail(400, { issues, ...data })`, or `fail(400, data(issues))`
 * for a page that words or regroups the issues itself. Anything else is thrown
 * on: a NotFoundError to withDomainErrors (a 404), the rest to be a 500.
 */
export function failWith<D extends object>(thrown: unknown, data: (issues: Issues) => D, options?: RefusalOptions): ActionFailure<D>;
export function failWith<D extends object>(thrown: unknown, data: D, options?: RefusalOptions): ActionFailure<{ issues: Issues } & D>;
export function failWith(thrown: unknown, data: object | ((issues: Issues) => object), { status = 400 }: RefusalOptions = {}): ActionFailure<object> {
	const issues = refusedIssues(thrown);
	if (issues) return fail(status, typeof data === 'function' ? data(issues) : { issues, ...data });
	throw thrown;
}
