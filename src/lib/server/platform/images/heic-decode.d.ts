/** heic-decode 2.x (libheif compiled to WebAssembly): https://github.com/catdad-experiments/heic-decode */
declare module 'heic-decode' {
	export interface DecodedImage {
		width: number;
		height: number;
		/** RGBA, 4 bytes a pixel, rows top to bottom, after libheif applied rotation and mirroring. */
		data: Uint8ClampedArray;
	}

	export interface UndecodedImage {
		/** Size after rotation, read from the file without decoding. */
		width: number;
		height: number;
		decode(): Promise<DecodedImage>;
	}

	export interface HeicDecode {
		/** Decodes the first top-level image. */
		(input: { buffer: Uint8Array }): Promise<DecodedImage>;
		/** Every top-level image, in file order, to decode one by one; `dispose()` frees them all. */
		all(input: { buffer: Uint8Array }): Promise<UndecodedImage[] & { dispose(): void }>;
	}

	const decode: HeicDecode;
	export default decode;
}
