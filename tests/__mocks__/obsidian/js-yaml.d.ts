/** The slice of js-yaml 4 (a transitive dependency, no bundled types) that the fake uses. */
declare module 'js-yaml' {
	export interface Schema {
		readonly __brand?: 'js-yaml-schema';
	}
	export const CORE_SCHEMA: Schema;
	export const JSON_SCHEMA: Schema;
	export const DEFAULT_SCHEMA: Schema;
	export interface LoadOptions {
		schema?: Schema;
		filename?: string;
		json?: boolean;
	}
	export interface DumpOptions {
		schema?: Schema;
		indent?: number;
		lineWidth?: number;
		noRefs?: boolean;
		quotingType?: '"' | "'";
		forceQuotes?: boolean;
		sortKeys?: boolean;
		noArrayIndent?: boolean;
		flowLevel?: number;
	}
	export function load(text: string, options?: LoadOptions): unknown;
	export function dump(value: unknown, options?: DumpOptions): string;
	const yaml: {
		load: typeof load;
		dump: typeof dump;
		CORE_SCHEMA: Schema;
		JSON_SCHEMA: Schema;
		DEFAULT_SCHEMA: Schema;
	};
	export default yaml;
}
