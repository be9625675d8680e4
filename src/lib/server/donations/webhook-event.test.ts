import { describe, expect, it } from 'vitest';
import { maxEventDepth, readStripeEvent } from './webhook.service';

/** What the signature check hands over: the body, and the value parsed from it. */
const read = (body: string) => readStripeEvent(body, JSON.parse(body));

const event = { id: 'evt_1', object: 'event', type: 'checkout.session.completed', created: 1_700_000_000, data: { object: { id: 'cs_1' } } };

describe('readStripeEvent: a verified delivery before anything handles it', () => {
	it('gives the event when it has an event’s shape', () => {
		const result = read(JSON.stringify(event));
		expect(result.ok && result.event).toEqual({ id: 'evt_1', type: 'checkout.session.completed', created: 1_700_000_000, data: { object: { id: 'cs_1' } } });
	});

	it.each([
		['an array', '[]'],
		['a string', '"evt_1"'],
		['no id', JSON.stringify({ ...event, id: undefined })],
		['an id that is not text', JSON.stringify({ ...event, id: ['evt_1'] })],
		['an empty type', JSON.stringify({ ...event, type: '' })],
		['no data', JSON.stringify({ ...event, data: undefined })]
	])('refuses %s', (_, body) => {
		expect(read(body).ok).toBe(false);
	});

	it('refuses nesting deeper than any event, wherever it is', () => {
		const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
		expect(read(deep(200_000))).toEqual({ ok: false, problem: `nested deeper than ${maxEventDepth} levels` });
		expect(read(JSON.stringify({ ...event, data: { object: JSON.parse(deep(maxEventDepth)) } })).ok).toBe(false);
		// Exactly at the limit is still an event.
		expect(read(JSON.stringify({ ...event, data: { object: JSON.parse(deep(maxEventDepth - 2)) } })).ok).toBe(true);
	});

	it('does not count brackets inside text, escaped quotes included', () => {
		const text = `a \\" ${'['.repeat(500)}`;
		const result = read(JSON.stringify({ ...event, data: { object: { description: text } } }));
		expect(result.ok).toBe(true);
	});
});
