/**
 * The part of js-yaml 4 this project uses (it ships no types and @types/js-yaml is not installed).
 * load, the schemas and YAMLException behave the same in js-yaml 3, gray-matter's own copy.
 */
declare module 'js-yaml' {
	export interface Schema {
		readonly __brand?: 'js-yaml-schema';
	}
	/** YAML 1.2 core types only: no timestamps, so `2025-08-26` stays a string. */
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
	export interface Mark {
		/** 0-based line in the loaded text. */
		line: number;
		column: number;
	}
	export class YAMLException extends Error {
		reason: string;
		mark: Mark | undefined;
	}
	export function load(text: string, options?: LoadOptions): unknown;
	export function dump(value: unknown, options?: DumpOptions): string;
	const yaml: {
		load: typeof load;
		dump: typeof dump;
		CORE_SCHEMA: Schema;
		JSON_SCHEMA: Schema;
		DEFAULT_SCHEMA: Schema;
		YAMLException: typeof YAMLException;
	};
	export default yaml;
}
