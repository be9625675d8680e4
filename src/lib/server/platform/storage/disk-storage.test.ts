import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskStorage } from './disk-storage';
import { storageContract } from './storage-contract';

const root = mkdtempSync(join(tmpdir(), 'arts-disk-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const storage = new DiskStorage(root);

describe('disk storage', () => {
	storageContract(() => storage, 'contract/');

	it('keeps files readable by their owner only, and leaves no temporary file behind', async () => {
		await storage.put('private/a/file.pdf', Buffer.from('%PDF-1.7'));
		expect(statSync(join(root, 'private/a/file.pdf')).mode & 0o077).toBe(0);
		expect(readdirSync(join(root, 'private/a'))).toEqual(['file.pdf']);
	});
});
