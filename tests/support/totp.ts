import { createHmac } from 'node:crypto';

/**
 * RFC 6238 time-based one-time codes, computed independently of the app so a
 * test signs in the way an authenticator app would.
 */
export function totpFromUri(uri: string, at = Date.now()): string {
	const url = new URL(uri);
	const secret = url.searchParams.get('secret');
	if (!secret) throw new Error('no secret in the otpauth URI');
	const digits = Number(url.searchParams.get('digits') ?? 6);
	const period = Number(url.searchParams.get('period') ?? 30);
	return totp(base32Decode(secret), Math.floor(at / 1000 / period), digits);
}

function totp(key: Buffer, counter: number, digits: number): string {
	const message = Buffer.alloc(8);
	message.writeBigUInt64BE(BigInt(counter));
	const hmac = createHmac('sha1', key).update(message).digest();
	const offset = hmac[hmac.length - 1]! & 0x0f;
	const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
	return String(binary).padStart(digits, '0');
}

function base32Decode(input: string): Buffer {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = 0;
	let value = 0;
	const out: number[] = [];
	for (const char of input.replace(/=+$/, '').toUpperCase()) {
		const index = alphabet.indexOf(char);
		if (index === -1) throw new Error(`not base32: ${char}`);
		value = (value << 5) | index;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}
