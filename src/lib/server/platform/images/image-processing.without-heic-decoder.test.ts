import { describe, expect, it, vi } from 'vitest';
import { inspectUpload, processImage, UploadRejectedError } from './image-processing';
import { heicSample, solid } from '../../../../../tests/support/test-images';

// As the file-check worker answers when heic-decode is missing or its WebAssembly cannot be loaded.
vi.mock('$lib/server/platform/file-checks/file-checks', () => ({
	fileChecks: () => ({ decodeHeic: async () => ({ ok: false, reason: 'unsupported' }) })
}));

describe('without the HEIC decoder', () => {
	it('refuses HEIC photos, saying to send JPEG, and accepts the other formats', async () => {
		expect(await inspectUpload(heicSample)).toEqual({ ok: false, code: 'heic_not_supported' });
		const error = await processImage(heicSample).then(
			() => undefined,
			(thrown: unknown) => thrown
		);
		expect(error).toBeInstanceOf(UploadRejectedError);
		expect((error as UploadRejectedError).code).toBe('heic_not_supported');
		expect((error as UploadRejectedError).message).toMatch(/^HEIC photos cannot be read here\. Please send the photo as JPEG instead/);
		expect((error as UploadRejectedError).message).toMatch(/Most Compatible/);
		// The formats it names are the ones that can be read.
		expect((error as UploadRejectedError).message).toMatch(/Accepted: JPEG, PNG, WebP or AVIF photos up to 20 MB and 50 megapixels\.$/);

		expect((await inspectUpload(await solid(40, 30, '#3366cc').jpeg().toBuffer())).ok).toBe(true);
	});
});
