import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../errors';
import { failWith, refusedIssues } from './action-result';

describe('failWith', () => {
	const refused = new ValidationError({ 'title.en': 'required' });

	it('answers a refused command with 400, its issues and what was typed', () => {
		const answer = failWith(refused, { values: { 'title.en': '' }, form: 'add' });
		expect(isActionFailure(answer)).toBe(true);
		expect(answer.status).toBe(400);
		expect(answer.data).toEqual({ issues: { 'title.en': 'required' }, values: { 'title.en': '' }, form: 'add' });
	});

	it('lets a page word the issues itself, and a conflict answer 409', () => {
		const answer = failWith(refused, (issues) => ({ problem: `check ${Object.keys(issues).join(', ')}` }), { status: 409 });
		expect(answer.status).toBe(409);
		expect(answer.data).toEqual({ problem: 'check title.en' });
	});

	it('throws anything else on: a NotFoundError for withDomainErrors, the rest to be a 500', () => {
		const gone = new NotFoundError('call 7');
		expect(() => failWith(gone, {})).toThrow(gone);
		const broken = new Error('database down');
		expect(() => failWith(broken, (issues) => ({ issues }))).toThrow(broken);
	});

	it('reads the issues of a refusal, and nothing from other errors', () => {
		expect(refusedIssues(refused)).toEqual({ 'title.en': 'required' });
		expect(refusedIssues(new Error('x'))).toBeUndefined();
	});
});
