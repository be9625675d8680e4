import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database, MailMessageRow, MailStatus } from '$lib/server/db/schema';
import { pageWindow } from '$lib/server/platform/paging';

/*
 * What the admin's Outbox view reads: every message the app has queued, newest
 * first, with its status; and one message whole, with the .eml file it was written
 * to when there is no SMTP server.
 */

export type MailMessageSummary = Pick<
	MailMessageRow,
	'id' | 'to_address' | 'locale' | 'subject' | 'status' | 'transport' | 'outbox_file' | 'error' | 'created_at' | 'sent_at'
>;

export interface MailMessageList {
	messages: MailMessageSummary[];
	page: number;
	pageSize: number;
	total: number;
}

export const maxMailPageSize = 200;

export async function listMailMessages(
	db: Kysely<Database>,
	options: { status?: MailStatus; page?: number; pageSize?: number } = {}
): Promise<MailMessageList> {
	const { page, size: pageSize, offset } = pageWindow(options.page, options.pageSize, { maxSize: maxMailPageSize });
	let query = db.selectFrom('mail_message');
	if (options.status) query = query.where('status', '=', options.status);
	const [messages, total] = await Promise.all([
		query
			.select(['id', 'to_address', 'locale', 'subject', 'status', 'transport', 'outbox_file', 'error', 'created_at', 'sent_at'])
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(pageSize)
			.offset(offset)
			.execute(),
		query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
	]);
	// count(*) is a bigint on PostgreSQL, which the driver returns as a string.
	return { messages, page, pageSize, total: Number(total.count) };
}

export type MailMessageDetail = Omit<MailMessageRow, 'headers'> & { headers: Record<string, string> };

export async function getMailMessage(db: Kysely<Database>, id: number): Promise<MailMessageDetail | undefined> {
	const row = await db.selectFrom('mail_message').selectAll().where('id', '=', id).executeTakeFirst();
	return row && { ...row, headers: JSON.parse(row.headers) as Record<string, string> };
}

/**
 * The raw .eml of a message written to the outbox, for download, or undefined when
 * it was not written there or the file is gone. Only a plain file name inside the
 * outbox folder is read, whatever the row says.
 */
export async function readOutboxFile(outboxDir: string, message: Pick<MailMessageRow, 'outbox_file'>): Promise<Buffer | undefined> {
	const name = message.outbox_file;
	if (!name || basename(name) !== name || !name.endsWith('.eml')) return undefined;
	try {
		return await readFile(join(outboxDir, name));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}
