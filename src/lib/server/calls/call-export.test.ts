import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellsReadAsFormulas, hostileCells } from '../../../../tests/support/csv-readings';
import { phoneJpegWithGps } from '../../../../tests/support/test-images';
import { attachUpload, createApplicationFileStorage, type ApplicationFileStorage } from './application-files';
import { saveDraft, submitApplication, withdrawApplication } from './applications.service';
import { addStaff, answers, application, basicFields, openCall, smallPdf } from '../../../../tests/support/call-test-data';
import { callApplicationsCsv, callFilesZip } from './call-export';
import { assignReviewer, decideApplication, listCriteria, recordScores, saveCriteria, setShortlisted } from './review.service';
import type { CallsContext } from './calls.wiring';
import { callsContext, testStaff } from '../../../../tests/support/domain-contexts';
import { useTempDir, useTestDatabase } from '../../../../tests/support/test-database';

const handle = useTestDatabase('application', 'open_call');
const dataDir = useTempDir('calls-export-');
let calls: CallsContext;
/** A reviewer added with `addStaff`, as the acting person. */
const reviewer = (id: string) => ({ id, email: `${id}@staff.example` });
let storage: ApplicationFileStorage;

beforeAll(async () => {
	calls = callsContext(handle.db);
	storage = createApplicationFileStorage(dataDir.path);
	await addStaff(handle.db, 'rita');
	await addStaff(handle.db, 'sam');
});

/** RFC 4180, as a spreadsheet program reads it. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

const multipleChoice = {
	key: 'media',
	type: 'multiple_choice' as const,
	label: { en: 'Media' },
	options: {
		choices: [
			{ value: 'paste', label: { en: 'Wheat-paste' } },
			{ value: 'mural', label: { en: 'Mural' } }
		]
	}
};

async function scoredCall() {
	const callId = await openCall(handle.db, {}, [...basicFields, multipleChoice]);
	await saveCriteria(calls, testStaff, callId, [
		{ label: { en: 'Artistic quality' }, weight: 3 },
		{ label: { en: 'Fit with the theme' }, weight: 1 }
	]);
	const [quality, fit] = await listCriteria(handle.db, callId);
	await assignReviewer(calls, testStaff, { callId }, 'rita');
	await assignReviewer(calls, testStaff, { callId }, 'sam');
	const submit = async (email: string, name: string, extra: Record<string, unknown>) => {
		const result = await submitApplication(handle.db, { callId, input: application({ email, name, answers: answers(extra) }) });
		if (result.status !== 'submitted') throw new Error(result.status);
		return result;
	};
	const ana = await submit('ana@example.org', 'अना श्रेष्ठ', { statement: 'Walls, "voices"\nand hands.', media: ['paste', 'mural'] });
	const eve = await submit('eve@example.org', '=HYPERLINK("http://evil.example","click")', { project_title: '-2+3', country: 'ES' });
	await recordScores(calls, reviewer('rita'), ana.applicationId, [
		{ criterionId: quality!.id, score: 5 },
		{ criterionId: fit!.id, score: 1 }
	]);
	await recordScores(calls, reviewer('sam'), ana.applicationId, [
		{ criterionId: quality!.id, score: 3 },
		{ criterionId: fit!.id, score: 3 }
	]);
	await setShortlisted(calls, testStaff, ana.applicationId, true);
	await decideApplication(calls, testStaff, ana.applicationId, 'accepted');
	return { callId, ana, eve };
}

describe('the CSV of a call', () => {
	it('has a column per field, status, decision, and the weighted average and spread, in UTF-8 with a BOM', async () => {
		const { callId, ana, eve } = await scoredCall();
		const gone = await submitApplication(handle.db, { callId, input: application({ email: 'gone@example.org' }) });
		if (gone.status !== 'submitted') throw new Error(gone.status);
		await withdrawApplication(handle.db, gone.token);
		await saveDraft(handle.db, { callId, input: application({ email: 'draft@example.org' }) });

		const csv = await callApplicationsCsv(handle.db, callId);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = parseCsv(csv.slice(1));
		// The application and its applicant, a column per field, staff's decision, then the scores.
		expect(header).toEqual([
			'application', 'status', 'submitted_at', 'withdrawn_at', 'name', 'email', 'language',
			'Project title (project_title)', 'Statement (statement)', 'Phone (phone)', 'Another e-mail (backup_email)',
			'Country (country)', 'Images (images)', 'ID (id_scan)', 'Media (media)',
			'shortlisted', 'decision', 'decided_at',
			'Artistic quality (×3)', 'Fit with the theme (×1)', 'reviewers', 'weighted_average', 'spread'
		]);
		// The draft is not an application yet; the withdrawn one is listed as such.
		expect(rows.map((row) => [row[0], row[1]])).toEqual([
			[String(ana.applicationId), 'submitted'],
			[String(eve.applicationId), 'submitted'],
			[String(gone.applicationId), 'withdrawn']
		]);
		const cell = (row: string[], column: string) => row[header!.indexOf(column)];
		const [anaRow, eveRow] = rows;
		expect(cell(anaRow!, 'name')).toBe('अना श्रेष्ठ');
		expect(cell(anaRow!, 'Statement (statement)')).toBe('Walls, "voices"\nand hands.');
		expect(cell(anaRow!, 'Media (media)')).toBe('Wheat-paste; Mural');
		expect(cell(anaRow!, 'decision')).toBe('accepted');
		expect(cell(anaRow!, 'shortlisted')).toBe('yes');
		// Rita: (3·5 + 1·1) / 4 = 4; Sam: 3. Mean 3.5, spread 0.5.
		expect([cell(anaRow!, 'reviewers'), cell(anaRow!, 'weighted_average'), cell(anaRow!, 'spread')]).toEqual(['2', '3.50', '0.50']);
		expect(cell(anaRow!, 'Artistic quality (×3)')).toBe('4.00');
		expect([cell(eveRow!, 'reviewers'), cell(eveRow!, 'weighted_average')]).toEqual(['0', '']);
		// Nothing a spreadsheet would run.
		expect(cell(eveRow!, 'name')).toBe(`'=HYPERLINK("http://evil.example","click")`);
		expect(cell(eveRow!, 'Project title (project_title)')).toBe(`'-2+3`);
	});

	it('has no cell a spreadsheet could read as a formula, whether it splits on commas or semicolons', async () => {
		const choices = hostileCells.map((text, i) => ({ value: `c${i}`, label: { en: text } }));
		const callId = await openCall(handle.db, {}, [...basicFields, { ...multipleChoice, label: { en: hostileCells[0]! }, options: { choices } }]);
		for (const [i, text] of hostileCells.entries()) {
			const result = await submitApplication(handle.db, {
				callId,
				input: application({ email: `hostile${i}@example.org`, name: text, answers: answers({ project_title: text, statement: text, phone: text, media: [`c${i}`] }) })
			});
			if (result.status !== 'submitted') throw new Error(result.status);
			await attachUpload(handle.db, storage, result.token, { fieldKey: 'id_scan', fileName: `${text}.pdf`, bytes: await smallPdf() });
		}
		expect(cellsReadAsFormulas(await callApplicationsCsv(handle.db, callId))).toEqual([]);
	});
});

describe('the zip of a call’s files', () => {
	it('holds every submitted application’s files in a folder of its own, and the CSV', async () => {
		const { callId, ana } = await scoredCall();
		const photo = await phoneJpegWithGps(400, 300);
		const pdf = await smallPdf();
		const draft = await saveDraft(handle.db, { callId, input: application({ email: 'later@example.org' }) });
		if (draft.status !== 'saved') throw new Error(draft.status);
		await attachUpload(handle.db, storage, ana.token, { fieldKey: 'images', fileName: 'laneway.jpg', bytes: photo });
		await attachUpload(handle.db, storage, ana.token, { fieldKey: 'id_scan', fileName: 'id.pdf', bytes: pdf });
		await attachUpload(handle.db, storage, draft.token, { fieldKey: 'images', fileName: 'draft.jpg', bytes: photo });

		const { zip, files, missing } = await callFilesZip(handle.db, storage, callId);
		expect([files, missing]).toEqual([2, []]);
		const entries = unzipSync(zip);
		const names = Object.keys(entries).sort();
		expect(names).toHaveLength(3);
		expect(names[0]).toMatch(new RegExp(`^${ana.applicationId}-अना श्रेष्ठ/id_scan-\\d+-id\\.pdf$`));
		expect(names[1]).toMatch(new RegExp(`^${ana.applicationId}-अना श्रेष्ठ/images-\\d+-laneway\\.jpg$`));
		expect(names[2]).toBe('applications.csv');
		const storedPdf = await handle.db.selectFrom('application_file').select('storage_key').where('original_name', '=', 'id.pdf').executeTakeFirstOrThrow();
		expect(Buffer.from(entries[names[0]!]!).equals(await storage.read(storedPdf.storage_key))).toBe(true);
		expect(strFromU8(entries['applications.csv']!)).toContain('laneway.jpg');

		await expect(callFilesZip(handle.db, storage, callId, { limitBytes: 1000 })).rejects.toMatchObject({ issues: { zip: 'zip_too_large' } });
	});
});
