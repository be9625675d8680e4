import type { Plugin } from 'vite';
import { drawLandOutline } from './world-outline.ts';
import { mapHeight, mapWidth } from './world-projection.ts';

/*
 * Serves the world map's land outline as `virtual:world-outline` (types in
 * src/world-outline.d.ts): its address and the size of its viewBox.
 *
 * - `vite build`: the outline is drawn once and emitted as an asset, so it gets a
 *   content-hashed name under /_app/immutable/assets/ (SvelteKit copies the
 *   server build's assets to the client's), which the static-file fast path
 *   serves with a year's cache. `__VITE_ASSET__<reference>__` is the placeholder
 *   Vite itself writes for an imported file and replaces with its final address.
 * - `vite dev` and Vitest: drawn on first request and served from a fixed address.
 */
const moduleId = 'virtual:world-outline';
const resolvedId = `\0${moduleId}`;
const devAddress = '/@world-outline/world-land.svg';

export function worldOutlinePlugin(): Plugin {
	let svg: string | undefined;
	const outline = () => (svg ??= drawLandOutline().svg);
	let building = false;
	return {
		name: 'world-outline',
		configResolved(config) {
			building = config.command === 'build';
		},
		resolveId(id) {
			return id === moduleId ? resolvedId : undefined;
		},
		load(id) {
			if (id !== resolvedId) return undefined;
			const address = building ? `"__VITE_ASSET__${this.emitFile({ type: 'asset', name: 'world-land.svg', source: outline() })}__"` : JSON.stringify(devAddress);
			return `export const outlineUrl = ${address};\nexport const outlineWidth = ${mapWidth};\nexport const outlineHeight = ${mapHeight};\n`;
		},
		configureServer(server) {
			server.middlewares.use(devAddress, (_request, response) => {
				response.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
				response.end(outline());
			});
		}
	};
}
