import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../../../../tests/support/smtp';
import { BulkSendError, createBulkComposer, createSmtpBulkTransport } from './bulk-transport';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeEach(async () => {
	sink = await startSmtpSink({ rejectRecipients: { 'gone@example.org': 550 } });
});
afterEach(() => sink.close());

const compose = createBulkComposer(undefined);

async function message(to: string) {
	return {
		from: 'news@arts.example.org',
		to,
		raw: await compose({
			from: 'Micro Galleries <news@arts.example.org>',
			to,
			subject: 'Walls that talk',
			text: 'Hello.\n.\nA line with only a dot above.',
			html: '<p>Hello.</p>',
			messageId: '<campaign-1.1@arts.example.org>',
			date: new Date(),
			locale: 'en',
			headers: {}
		})
	};
}

describe('bulk SMTP transport', () => {
	it('hands over before the message is complete: the server has it only after the commit', async () => {
		const transport = createSmtpBulkTransport(sink.url, { lanes: 1 });
		let receivedAtHandOver = -1;
		await transport.send(await message('ana@example.org'), async () => {
			// The whole message is on its way, but without its final dot the server has not taken it.
			await new Promise((resolve) => setTimeout(resolve, 50));
			receivedAtHandOver = sink.messages.length;
			return true;
		});
		transport.close();
		expect(receivedAtHandOver).toBe(0);
		expect(sink.messages.length).toBe(1);
		// Dot-stuffing kept the lone dot as text.
		expect(sink.messages[0]!.parsed.text).toContain('Hello.\n.\nA line with only a dot above.');
	});

	it('delivers nothing when the hand-over is refused or fails, and the connection recovers', async () => {
		const transport = createSmtpBulkTransport(sink.url, { lanes: 1 });
		await expect(transport.send(await message('ana@example.org'), async () => false)).rejects.toMatchObject({ uncertain: false });
		await expect(
			transport.send(await message('ana@example.org'), async () => {
				throw new Error('database gone');
			})
		).rejects.toBeInstanceOf(BulkSendError);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(sink.messages.length).toBe(0);
		await transport.send(await message('ben@example.org'), async () => true);
		transport.close();
		expect(sink.messages.map((m) => m.envelopeTo)).toEqual([['ben@example.org']]);
	});

	it('reports a refused recipient as permanent, before any hand-over, and keeps the connection for the next', async () => {
		const transport = createSmtpBulkTransport(sink.url, { lanes: 1 });
		let handedOver = false;
		const error = await transport
			.send(await message('gone@example.org'), async () => {
				handedOver = true;
				return true;
			})
			.catch((e: unknown) => e);
		expect(error).toMatchObject({ recipientRejected: true, permanent: true, uncertain: false, responseCode: 550 });
		expect(handedOver).toBe(false);
		await transport.send(await message('ana@example.org'), async () => true);
		transport.close();
		expect(sink.messages.length).toBe(1);
	});

	it('calls the outcome unknown when the connection drops after the final dot, before the answer', async () => {
		const lossy = await startSmtpSink({ loseFirstAnswerFor: ['ana@example.org'] });
		const transport = createSmtpBulkTransport(lossy.url, { lanes: 1 });
		await expect(transport.send(await message('ana@example.org'), async () => true)).rejects.toMatchObject({
			uncertain: true,
			permanent: false,
			recipientRejected: false
		});
		// The server has it, which the client could not know; the next message gets a fresh connection.
		expect(lossy.messages.length).toBe(1);
		await transport.send(await message('ben@example.org'), async () => true);
		transport.close();
		await lossy.close();
		expect(lossy.messages.map((m) => m.envelopeTo)).toEqual([['ana@example.org'], ['ben@example.org']]);
	});

	it('lets more senders than connections take turns, one message per connection at a time', async () => {
		const transport = createSmtpBulkTransport(sink.url, { lanes: 2 });
		const addresses = Array.from({ length: 12 }, (_, i) => `reader${i}@example.org`);
		await Promise.all(addresses.map(async (to) => transport.send(await message(to), async () => true)));
		transport.close();
		expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([...addresses].sort());
	});

	it('says so when the server cannot be reached', async () => {
		const transport = createSmtpBulkTransport('smtp://127.0.0.1:1', { lanes: 1 });
		await expect(transport.send(await message('ana@example.org'), async () => true)).rejects.toMatchObject({
			permanent: false,
			uncertain: false
		});
		transport.close();
	});
});
