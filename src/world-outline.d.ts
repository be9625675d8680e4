// The world map's land outline, made by src/lib/server/shared/world-outline.plugin.ts.
declare module 'virtual:world-outline' {
	/** Address of the outline: an SVG document whose one path, `#land`, is all the land. */
	export const outlineUrl: string;
	/** Its viewBox is `0 0 outlineWidth outlineHeight`, the projection's (world-projection.ts). */
	export const outlineWidth: number;
	export const outlineHeight: number;
}
