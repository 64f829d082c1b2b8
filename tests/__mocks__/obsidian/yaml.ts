import yaml from 'js-yaml';

/**
 * Obsidian reads properties with a YAML 1.2 core schema: numbers and booleans are typed, dates stay
 * the strings the user wrote.
 */
export function parseYaml(text: string): unknown {
	return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}

/**
 * Obsidian writes properties block style, two-space indented lists, double quotes when quoting is
 * needed, no line folding, and an empty value (not `null`) for null.
 */
export function stringifyYaml(value: unknown): string {
	const text = yaml.dump(value, {
		schema: yaml.CORE_SCHEMA,
		lineWidth: -1,
		quotingType: '"',
		noRefs: true,
	});
	return text.replace(/^(\s*(?:- )?[^\s:][^\n]*?):[ ]null$/gm, '$1:');
}
