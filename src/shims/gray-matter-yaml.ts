// gray-matter binds js-yaml 3's safeLoad/safeDump at load time. We always pass our own engine,
// so its default one is never called; this stand-in keeps js-yaml 3 (and its require('buffer')
// and require('esprima') probes) out of main.js. Every write edits lines, nothing dumps YAML.
export function safeLoad(): unknown {
	throw new Error('Spec Workflow always reads YAML through its own engine');
}

export function safeDump(): string {
	throw new Error('Spec Workflow never serializes whole YAML documents');
}
