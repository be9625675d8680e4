import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, opendir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { checkObjectKey, checkObjectPrefix, type ObjectBody, type ObjectStorage, type StoredObject } from './object-storage';

/**
 * Objects as files under one folder: key `media/12/640.webp` is the file
 * `<root>/media/12/640.webp`. A put writes a temporary file beside the target,
 * flushes it and renames it into place, so a reader sees the old file or the new
 * one; files are readable by this user only.
 */
export class DiskStorage implements ObjectStorage {
	readonly kind = 'disk' as const;
	readonly root: string;

	constructor(root: string) {
		this.root = resolve(root);
	}

	get location(): string {
		return this.root;
	}

	/** The file of a key; the key's check keeps it inside the root. */
	pathOf(key: string): string {
		const path = join(this.root, checkObjectKey(key));
		if (!path.startsWith(this.root + sep)) throw new Error(`Not a storage key: ${key}`);
		return path;
	}

	async put(key: string, body: Uint8Array | Readable): Promise<void> {
		const path = this.pathOf(key);
		await mkdir(dirname(path), { recursive: true, mode: 0o700 });
		const temporary = `${path}.${randomUUID()}.part`;
		const handle = await open(temporary, 'wx', 0o600);
		try {
			if (body instanceof Uint8Array) await handle.writeFile(body);
			else for await (const chunk of body) await handle.write(chunk as Uint8Array);
			await handle.sync();
		} catch (error) {
			await handle.close().catch(() => {});
			await rm(temporary, { force: true });
			throw error;
		}
		await handle.close();
		await rename(temporary, path);
		await syncFolder(dirname(path));
	}

	async get(key: string): Promise<ObjectBody | undefined> {
		const path = this.pathOf(key);
		try {
			const handle = await open(path, 'r');
			const { size } = await handle.stat();
			return { body: createReadStream('', { fd: handle }), size };
		} catch (error) {
			if (isMissing(error)) return undefined;
			throw error;
		}
	}

	async read(key: string): Promise<Buffer | undefined> {
		try {
			return await readFile(this.pathOf(key));
		} catch (error) {
			if (isMissing(error)) return undefined;
			throw error;
		}
	}

	async head(key: string): Promise<StoredObject | undefined> {
		try {
			const info = await stat(this.pathOf(key));
			return info.isFile() ? { key, size: info.size, modified: info.mtime } : undefined;
		} catch (error) {
			if (isMissing(error)) return undefined;
			throw error;
		}
	}

	async delete(key: string): Promise<void> {
		await rm(this.pathOf(key), { force: true });
	}

	async deletePrefix(prefix: string): Promise<void> {
		checkObjectPrefix(prefix);
		if (prefix === '') throw new Error('Refusing to delete the whole storage');
		if (prefix.endsWith('/')) {
			await rm(this.pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
			return;
		}
		for await (const object of this.list(prefix)) await this.delete(object.key);
	}

	async *list(prefix: string): AsyncIterable<StoredObject> {
		checkObjectPrefix(prefix);
		// The deepest folder the prefix names whole; keys under it are filtered by the rest.
		const slash = prefix.lastIndexOf('/');
		const folder = slash < 0 ? this.root : this.pathOf(prefix.slice(0, slash));
		yield* this.walk(folder, prefix);
	}

	private async *walk(folder: string, prefix: string): AsyncIterable<StoredObject> {
		let entries;
		try {
			entries = await opendir(folder);
		} catch (error) {
			if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
			throw error;
		}
		for await (const entry of entries) {
			const path = join(folder, entry.name);
			const key = relative(this.root, path).split(sep).join('/');
			if (entry.isDirectory()) {
				if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* this.walk(path, prefix);
			} else if (entry.isFile() && key.startsWith(prefix) && !key.endsWith('.part')) {
				const info = await stat(path).catch(() => undefined);
				if (info) yield { key, size: info.size, modified: info.mtime };
			}
		}
	}

	async ping(): Promise<void> {
		await mkdir(this.root, { recursive: true, mode: 0o700 });
		const probe = join(this.root, `.ready-${randomUUID()}`);
		await (await open(probe, 'wx', 0o600)).close();
		await rm(probe, { force: true });
	}
}

function isMissing(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException).code;
	return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Makes a rename durable; some file systems cannot open folders for syncing, which is fine. */
export async function syncFolder(path: string): Promise<void> {
	try {
		const handle = await open(path, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch {
		// Best effort only.
	}
}

/** Reads a stream to its end into one buffer. */
export async function readAll(body: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
	return Buffer.concat(chunks);
}

