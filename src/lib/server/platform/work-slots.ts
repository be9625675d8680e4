/**
 * A counting semaphore: at most `size` pieces of work run at once, the others
 * wait their turn in order. Used to bound memory-hungry work (decoding photos)
 * across every request the process serves.
 */
export class WorkSlots {
	private free: number;
	private readonly waiting: (() => void)[] = [];

	constructor(readonly size: number) {
		if (!Number.isInteger(size) || size < 1) throw new RangeError('WorkSlots needs at least one slot');
		this.free = size;
	}

	/** How many are waiting for a slot now. */
	get queued(): number {
		return this.waiting.length;
	}

	/** Nothing runs and nothing waits. */
	get idle(): boolean {
		return this.free === this.size && this.waiting.length === 0;
	}

	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.free > 0) this.free--;
		else await new Promise<void>((resume) => this.waiting.push(resume));
		try {
			return await work();
		} finally {
			// The slot passes straight to the next in line, so a newcomer cannot jump the queue.
			const next = this.waiting.shift();
			if (next) next();
			else this.free++;
		}
	}
}

/**
 * One piece of work at a time for each key, in the order they came; work for
 * other keys runs meanwhile. A key nothing runs or waits for is forgotten.
 */
export class TurnsByKey<K> {
	private readonly slots = new Map<K, WorkSlots>();

	/** Keys something runs or waits for now. */
	get busyKeys(): number {
		return this.slots.size;
	}

	async run<T>(key: K, work: () => Promise<T>): Promise<T> {
		let slots = this.slots.get(key);
		if (!slots) {
			slots = new WorkSlots(1);
			this.slots.set(key, slots);
		}
		try {
			return await slots.run(work);
		} finally {
			if (slots.idle) this.slots.delete(key);
		}
	}
}
