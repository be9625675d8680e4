import type { RowData } from '$lib/server/content/content-items';
import type { ContentContext } from '$lib/server/content/content.wiring';
import { getEditable, saveDraft, type Actor } from '$lib/server/content/revisions.service';
import { NotFoundError } from '$lib/server/platform/errors';

/**
 * Moves a work one place up or down in an exhibition's walk. The order is part
 * of the exhibition's content, so the move is saved as a new draft from the
 * newest version (draft or live) and goes public when that draft is published,
 * like any edit. Returns the work's new position (the same at either end).
 */
export async function moveExhibitionWork(content: ContentContext, actor: Actor, key: string, position: number, direction: 'up' | 'down'): Promise<number> {
	const editable = await getEditable(content.db, 'exhibition', key);
	const data = editable.pending?.data ?? editable.live;
	if (!data) throw new NotFoundError(`exhibition ${key}`);
	const works = [...(data.works as RowData[])];
	const from = position - 1;
	if (!Number.isInteger(from) || from < 0 || from >= works.length) throw new NotFoundError(`work ${position} of exhibition ${key}`);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (to < 0 || to >= works.length) return position;
	[works[from], works[to]] = [works[to]!, works[from]!];
	await saveDraft(content, actor, { type: 'exhibition', key, data: { ...data, works }, baseRevisionId: editable.latestRevisionId });
	return to + 1;
}
