import { describe, expect, it } from 'vitest';
import { WorkSlots } from './work-slots';

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

describe('WorkSlots', () => {
	it('runs at most `size` pieces of work at once, the rest in order of arrival', async () => {
		const slots = new WorkSlots(2);
		let running = 0;
		let most = 0;
		const started: number[] = [];
		const gates = Array.from({ length: 6 }, deferred);
		const all = gates.map((gate, index) =>
			slots.run(async () => {
				started.push(index);
				running++;
				most = Math.max(most, running);
				await gate.promise;
				running--;
				return index;
			})
		);
		await Promise.resolve();
		expect(started).toEqual([0, 1]);
		expect(slots.queued).toBe(4);
		for (const gate of gates) {
			gate.resolve();
			await new Promise((r) => setTimeout(r, 0));
		}
		expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(started).toEqual([0, 1, 2, 3, 4, 5]);
		expect(most).toBe(2);
		expect(slots.queued).toBe(0);
	});

	it('frees the slot when the work fails', async () => {
		const slots = new WorkSlots(1);
		await expect(slots.run(() => Promise.reject(new Error('broken photo')))).rejects.toThrow('broken photo');
		expect(await slots.run(async () => 'next')).toBe('next');
	});

	it('needs at least one slot', () => {
		expect(() => new WorkSlots(0)).toThrow(RangeError);
	});
});
