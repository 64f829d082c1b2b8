// gray-matter binds js-yaml 3's safeLoad/safeDump at load time. We always pass our own engine
// (js-yaml 4, core schema), so its default engine is never called; pointing it at js-yaml 4 keeps
// a second YAML library, and its require('buffer') / require('esprima') probes, out of main.js.
import yaml from 'js-yaml';

export function safeLoad(source: string): unknown {
	return yaml.load(source, { schema: yaml.CORE_SCHEMA });
}

export function safeDump(data: unknown): string {
	return yaml.dump(data);
}
