// gray-matter binds js-yaml 3's safeLoad/safeDump at load time. We always pass our own engine
// (js-yaml 4, core schema), so its default engine is never called; pointing it at js-yaml 4's
// loader keeps a second YAML library, and its require('buffer') / require('esprima') probes, out
// of main.js. Dumping is never used: every write edits lines surgically.
import { CORE_SCHEMA, load } from 'js-yaml';

export function safeLoad(source: string): unknown {
	return load(source, { schema: CORE_SCHEMA });
}

export function safeDump(): string {
	throw new Error('Spec Workflow never serializes whole YAML documents');
}
