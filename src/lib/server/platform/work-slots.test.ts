import { describe, expect, it } from 'vitest';
import { TurnsByKey, WorkSlots } from './work-slots';

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

describe('TurnsByKey', () => {
	it('runs work for one key one at a time in order, other keys alongside, and forgets idle keys', async () => {
		const turns = new TurnsByKey<number>();
		const log: string[] = [];
		const gates = { a1: deferred(), a2: deferred(), b1: deferred() };
		const a1 = turns.run(1, async () => {
			log.push('a1 start');
			await gates.a1.promise;
			log.push('a1 end');
		});
		const a2 = turns.run(1, async () => {
			log.push('a2 start');
			await gates.a2.promise;
		});
		const b1 = turns.run(2, async () => {
			log.push('b1 start');
			await gates.b1.promise;
		});
		await Promise.resolve();
		expect(log).toEqual(['a1 start', 'b1 start']);
		expect(turns.busyKeys).toBe(2);
		gates.a1.resolve();
		await a1;
		await new Promise((r) => setTimeout(r, 0));
		expect(log).toEqual(['a1 start', 'b1 start', 'a1 end', 'a2 start']);
		gates.b1.resolve();
		gates.a2.resolve();
		await Promise.all([a2, b1]);
		expect(turns.busyKeys).toBe(0);
	});

	it('gives the turn on when work fails', async () => {
		const turns = new TurnsByKey<string>();
		await expect(turns.run('s', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
		await expect(turns.run('s', async () => 'next')).resolves.toBe('next');
		expect(turns.busyKeys).toBe(0);
	});
});
