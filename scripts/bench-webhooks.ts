/**
 * Webhook throughput and latency of the built server on this machine: 2,000
 * signed Stripe events (1,600 distinct payments, 400 replays, shuffled) posted
 * over loopback with 20 requests in flight. SQLite by default; set DATABASE_URL
 * for PostgreSQL. Run: npx tsx scripts/bench-webhooks.ts
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.ts';
import { startServer } from '../tests/support/server.ts';
import * as events from '../tests/support/stripe-events.ts';

const total = Number(process.env.EVENTS ?? 2000);
const concurrency = Number(process.env.CONCURRENCY ?? 20);
const secret = 'whsec_bench';

if (!buildIfNeeded()) throw new Error('The build failed');
const server = await startServer({
	STRIPE_SECRET_KEY: 'sk_test_bench',
	STRIPE_WEBHOOK_SECRET: secret,
	LOG_LEVEL: 'warn',
	...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {})
});
try {
	const distinct = Math.round(total * 0.8);
	const deliveries: { payload: string; header: string }[] = [];
	const bodies = Array.from({ length: distinct }, (_, i) =>
		i % 5 === 0
			? events.invoicePaid({ amount: 1000 + i, currency: 'usd', subscription: `sub_${i % 50}`, customer: `cus_${i}`, email: `d${i}@example.org` })
			: events.oneOffCompleted({ amount: 500 + i, currency: i % 2 ? 'eur' : 'usd', email: `d${i}@example.org` })
	);
	for (let i = 0; i < total; i++) deliveries.push(events.signed(bodies[i % distinct], secret));
	for (let i = deliveries.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
	}

	const latencies: number[] = [];
	let failures = 0;
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < deliveries.length) {
				const { payload, header } = deliveries[next++]!;
				const t0 = performance.now();
				const response = await fetch(`${server.origin}/api/stripe/webhook`, {
					method: 'POST',
					body: payload,
					headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header }
				});
				await response.arrayBuffer();
				latencies.push(performance.now() - t0);
				if (response.status !== 200) failures++;
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);

	let recorded = 'n/a';
	if (!process.env.DATABASE_URL) {
		const db = new DatabaseSync(join(server.dataDir, 'site.sqlite'), { readOnly: true });
		const row = db.prepare('select count(*) as n from donation').get() as { n: number };
		recorded = String(row.n);
		db.close();
	}
	console.log(
		JSON.stringify(
			{
				database: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
				events: total,
				distinctPayments: distinct,
				concurrency,
				failures,
				donationsRecorded: recorded,
				seconds: Number(seconds.toFixed(2)),
				eventsPerSecond: Math.round(total / seconds),
				latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1)!.toFixed(1) }
			},
			null,
			2
		)
	);
} finally {
	await server.stop();
}
