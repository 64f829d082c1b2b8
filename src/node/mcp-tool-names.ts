import { VERBS } from './verbs';
import type { Tool } from './mcp/tools';

/**
 * The workflow's messages say what to run next in the CLI's words (`start one with: spec-work
 * start 1014`); an agent talking to the server may have no shell. The line is given the tools
 * those commands are, among the ones offered: `… (as MCP tool: start_session)`.
 */
export function withToolNames(tools: readonly Tool[]): (line: string) => string {
	const toolOf = new Map<string, string>();
	for (const [verb, def] of Object.entries(VERBS)) {
		const tool = tools.find((t) => def.operations.includes(t.operation));
		if (tool) toolOf.set(verb, tool.name);
	}
	return (line) => {
		const names = [...new Set([...line.matchAll(/\bspec-work ([a-z][a-z-]*)/g)].map((m) => toolOf.get(m[1])).filter((n): n is string => n !== undefined))];
		return names.length === 0 ? line : `${line} (as MCP tool${names.length > 1 ? 's' : ''}: ${names.join(', ')})`;
	};
}
