import { describe, expect, it } from 'vitest';
import { maxFormBytes, readApplicationForm } from './application-input';
import type { CallField } from './call-fields';

function field(key: string, type: CallField['type'], options: CallField['options'] = {}): CallField {
	return { id: 1, callId: 1, key, position: 0, type, label: { en: key }, help: { en: '' }, required: false, contact: false, options };
}

describe('reading the form', () => {
	const fields = [field('title', 'short_text'), field('tools', 'multiple_choice'), field('photo', 'file', { allowedTypes: ['image/jpeg'], maxBytes: 2_000_000, maxFiles: 2 })];

	it('reads values, repeated choices and files by `field.<key>`, skipping empty file inputs', async () => {
		const form = new FormData();
		form.append('email', ' ana@example.org ');
		form.append('name', 'Ana');
		form.append('consent', 'yes');
		form.append('field.title', 'Walls');
		form.append('field.tools', 'brush');
		form.append('field.tools', 'spray');
		form.append('field.photo', new File([new Uint8Array([1, 2, 3])], 'a.jpg'));
		form.append('field.photo', new File([], ''));
		form.append('field.unknown', 'dropped');
		form.append('draft', 'token');
		form.append('remove_file', '12');
		const read = await readApplicationForm(form, fields);
		expect(read.values).toEqual({ email: 'ana@example.org', name: 'Ana', consent: true, eligibility: false, answers: { title: 'Walls', tools: ['brush', 'spray'] } });
		expect(read.uploads).toHaveLength(1);
		expect(read.uploads[0]).toMatchObject({ fieldKey: 'photo', fileName: 'a.jpg' });
		expect(read.draft).toBe('token');
		expect(read.removeFile).toBe(12);
		expect(read.website).toBe('');
	});

	it('bounds the body by the call’s file limits, with room for the text', () => {
		const bytes = maxFormBytes(fields);
		expect(bytes).toBeGreaterThan(4_000_000);
		expect(bytes).toBeLessThan(6_000_000);
	});
});
