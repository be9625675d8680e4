import type { ContentItemType, RowData } from './content-items';
import type { ContentContext } from './content.wiring';
import { getEditable, saveDraft, type Actor } from './revisions.service';
import { NotFoundError } from '$lib/server/platform/errors';

/**
 * Moves one row of an item's rows field (an exhibition's works) one place up
 * or down, for forms without drag and drop. The order is part of the item, so
 * the move is saved as a new draft from the newest version (draft or live),
 * and goes public when that draft is published, like any edit. Returns the
 * row's new 1-based place (the same at either end).
 */
export async function moveItemRow(
	content: ContentContext,
	actor: Actor,
	item: { type: ContentItemType; key: string; field: string },
	position: number,
	direction: 'up' | 'down'
): Promise<number> {
	const editable = await getEditable(content.db, item.type, item.key);
	const data = editable.pending?.data ?? editable.live;
	if (!data || !Array.isArray(data[item.field])) throw new NotFoundError(`${item.type} ${item.key}`);
	const rows = [...(data[item.field] as RowData[])];
	const from = position - 1;
	if (!Number.isInteger(from) || from < 0 || from >= rows.length) throw new NotFoundError(`row ${position} of ${item.type} ${item.key}`);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (to < 0 || to >= rows.length) return position;
	[rows[from], rows[to]] = [rows[to]!, rows[from]!];
	await saveDraft(content, actor, { type: item.type, key: item.key, data: { ...data, [item.field]: rows }, baseRevisionId: editable.latestRevisionId });
	return to + 1;
}
