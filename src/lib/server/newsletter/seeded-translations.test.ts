import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/test-database';
import { latestConsentTextVersion } from './newsletter.service';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle.dispose());

it('starts with the consent text and topics in all four languages, the English-only first version kept for the ledger', async () => {
	expect(await latestConsentTextVersion(handle.db)).toBe(2);
	const texts = await handle.db.selectFrom('newsletter_consent_text').select(['version', 'text']).orderBy('version').execute();
	expect(Object.keys(JSON.parse(texts[0]!.text) as object)).toEqual(['en']);
	const latest = JSON.parse(texts[1]!.text) as Record<string, string>;
	expect(Object.keys(latest).sort()).toEqual(['en', 'es', 'id', 'ne']);
	expect(latest.ne).toMatch(/[\u0900-\u097f]/);
	const topics = await handle.db.selectFrom('newsletter_topic').select(['key', 'name']).orderBy('position').execute();
	for (const topic of topics) expect(Object.keys(JSON.parse(topic.name) as object).sort(), topic.key).toEqual(['en', 'es', 'id', 'ne']);
});
