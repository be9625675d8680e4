import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { createTestDatabase } from '$lib/server/db/test-database';

/*
 * What most database tests set up the same way, as vitest hooks: called at the
 * top of a test file (or of a describe block), each holds for the tests there.
 */

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/**
 * A fresh, migrated database (createTestDatabase) made before the tests and
 * dropped after them, with `emptied` emptied before each test, in that order
 * (children before the rows they point at). The handle's fields are read when a
 * test runs, once the database exists.
 */
export function useTestDatabase(...emptied: (keyof Database)[]): Omit<TestDatabase, 'dispose' | 'close'> {
	let handle: TestDatabase | undefined;
	const current = () => {
		if (!handle) throw new Error('The test database exists only while the tests run (in hooks and tests).');
		return handle;
	};
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(() => handle?.dispose());
	beforeEach(async () => {
		for (const table of emptied) await current().db.deleteFrom(table).execute();
	});
	return {
		get db() {
			return current().db;
		},
		get dialect() {
			return current().dialect;
		},
		get location() {
			return current().location;
		},
		get url() {
			return current().url;
		}
	};
}

/** A folder of its own for the tests, made before them and removed after them. Its path is read when a test runs. */
export function useTempDir(prefix: string): { readonly path: string } {
	let path: string | undefined;
	beforeAll(() => {
		path = mkdtempSync(join(tmpdir(), prefix));
	});
	afterAll(() => {
		if (path) rmSync(path, { recursive: true, force: true });
	});
	return {
		get path() {
			if (!path) throw new Error('The folder exists only while the tests run (in hooks and tests).');
			return path;
		}
	};
}
