import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleCollector } from './idle-collector';

describe('idle collector', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('collects once after a burst, when the server has been quiet long enough', () => {
		const collect = vi.fn();
		const collector = createIdleCollector({ quietMs: 10_000, collect });
		for (let i = 0; i < 5; i++) {
			collector.busy();
			vi.advanceTimersByTime(3_000);
		}
		// Requests kept coming every 3 s: never quiet for 10 s.
		expect(collect).not.toHaveBeenCalled();
		vi.advanceTimersByTime(6_999);
		expect(collect).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(collect).toHaveBeenCalledTimes(1);
		// Staying quiet does not collect again.
		vi.advanceTimersByTime(60_000);
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('collects again after the next burst, and never once stopped', () => {
		const collect = vi.fn();
		const collector = createIdleCollector({ quietMs: 1_000, collect });
		collector.busy();
		vi.advanceTimersByTime(1_000);
		collector.busy();
		vi.advanceTimersByTime(1_000);
		expect(collect).toHaveBeenCalledTimes(2);
		collector.busy();
		collector.stop();
		vi.advanceTimersByTime(5_000);
		expect(collect).toHaveBeenCalledTimes(2);
	});

});
