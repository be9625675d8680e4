import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The layers are held by the lint rule in eslint.config.js, which `npm run check`
 * runs. These cases show that it refuses an import that crosses a layer the wrong
 * way, and lets the right ones through.
 */
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..', '..') });

async function problems(file: string, source: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, { filePath: file });
	return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layers of src/lib/server', () => {
	it.each([
		['a domain importing another domain', 'src/lib/server/calls/example.ts', "import { listTopics } from '$lib/server/newsletter/topic-admin';", 'A domain does not import another domain'],
		['a domain reaching out of its folder by a relative path', 'src/lib/server/calls/example.ts', "import { pick } from '../content/content.service';", 'Leave a domain folder'],
		['a domain importing app.ts', 'src/lib/server/media/example.ts', "import { app } from '$lib/server/app';", 'Only routes, hooks and scripts use app.ts'],
		['a domain importing the demo content', 'src/lib/server/content/example.ts', "import { demoContent } from '$lib/server/demo/demo-content';", 'A domain does not import another domain'],
		['a shared module importing a domain', 'src/lib/server/shared/example.ts', "import { getMedia } from '$lib/server/media/media.service';", 'shared/ serves every domain'],
		['platform importing a shared module', 'src/lib/server/platform/example.ts', "import { recordAudit } from '$lib/server/shared/audit';", 'platform/ knows no domain'],
		['platform importing a domain', 'src/lib/server/platform/example.ts', "import type { CallField } from '$lib/server/calls/call-fields';", 'platform/ knows no domain'],
		['db importing platform', 'src/lib/server/db/example.ts', "import { loadConfig } from '$lib/server/platform/config';", 'db/ is the lowest layer'],
		['shared code outside the server importing app.ts', 'src/lib/i18n/example.ts', "import { app } from '$lib/server/app';", 'Only routes, hooks and scripts use app.ts'],
		['app code importing a test helper', 'src/lib/server/calls/example.ts', "import { smallPdf } from '../../../../tests/support/call-test-data';", 'Test helpers']
	])('refuses %s', async (_, file, source, expected) => {
		const found = await problems(file, source);
		expect(found.join('\n')).toContain(expected);
	});

	it.each([
		['a domain using shared, platform and db', 'src/lib/server/calls/example.ts', "import { pick } from '$lib/server/shared/localized-text';\nimport { fileChecks } from '$lib/server/platform/file-checks/file-checks';\nimport type { Database } from '$lib/server/db/schema';\nimport { listFields } from './calls.service';"],
		['a route using app.ts and any domain', 'src/routes/example/+page.server.ts', "import { app } from '$lib/server/app';\nimport { listTopics } from '$lib/server/newsletter/topic-admin';"],
		['the demo content using every domain', 'src/lib/server/demo/example.ts', "import { addField } from '$lib/server/calls/calls.service';\nimport { saveItem } from '$lib/server/content/content.service';"],
		['app.ts bringing the domains together', 'src/lib/server/app.ts', "import { maintenanceJobHandlers } from '$lib/server/maintenance';\nimport { contentJobHandlers } from '$lib/server/content/revisions.service';"]
	])('lets through %s', async (_, file, source) => {
		expect(await problems(file, source)).toEqual([]);
	});
});
