import type { ContentItemType, RowData } from './content-items';
import type { ContentContext } from './content.wiring';
import { getEditable, saveDraft, type Actor } from './revisions.service';
import { NotFoundError } from '$lib/server/platform/errors';

/**
 * Moves one row of an item's rows field (an exhibition's works) to another
 * place: one up or down from the buttons of a form without script, or anywhere
 * by dragging. The order is part of the item, so the move is saved as a new
 * draft from the newest version (draft or live), and goes public when that
 * draft is published, like any edit. Returns the row's new 1-based place.
 */
export async function moveItemRow(
	content: ContentContext,
	actor: Actor,
	item: { type: ContentItemType; key: string; field: string },
	position: number,
	to: 'up' | 'down' | number
): Promise<number> {
	const editable = await getEditable(content.db, item.type, item.key);
	const data = editable.pending?.data ?? editable.live;
	if (!data || !Array.isArray(data[item.field])) throw new NotFoundError(`${item.type} ${item.key}`);
	const rows = [...(data[item.field] as RowData[])];
	const from = position - 1;
	if (!Number.isInteger(from) || from < 0 || from >= rows.length) throw new NotFoundError(`row ${position} of ${item.type} ${item.key}`);
	// A place past either end is the end: a drop below the last row puts it last.
	const target = Math.min(rows.length - 1, Math.max(0, to === 'up' ? from - 1 : to === 'down' ? from + 1 : to - 1));
	if (target === from) return position;
	const [moved] = rows.splice(from, 1);
	rows.splice(target, 0, moved!);
	await saveDraft(content, actor, { type: item.type, key: item.key, data: { ...data, [item.field]: rows }, baseRevisionId: editable.latestRevisionId });
	return target + 1;
}
