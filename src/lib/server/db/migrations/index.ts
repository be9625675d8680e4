import type { Migration } from 'kysely';
import * as siteContent from './2026-11-26-01-site-content';

/**
 * Every migration, by name. Names start with the date so that they sort in the
 * order they were written; a migration never changes once it has landed.
 */
export const migrations: Record<string, Migration> = {
	'2026-11-26-01-site-content': siteContent
};
