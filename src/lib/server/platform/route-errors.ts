import { error } from '@sveltejs/kit';
import { NotFoundError } from './errors';

/**
 * Runs a domain call from a route, turning "not found" into a 404 page instead
 * of a 500. Other typed errors are answered by each action with fail(), where
 * the person's input can be kept.
 */
export async function orNotFound<T>(work: Promise<T>, message = 'This does not exist (any more).'): Promise<T> {
	try {
		return await work;
	} catch (e) {
		if (e instanceof NotFoundError) error(404, message);
		throw e;
	}
}
