import { withToolNames } from '../../src/node/mcp-tool-names';
import { toolsOf } from '../../src/node/mcp/tools';

describe('what to run next, told to an agent over MCP', () => {
	const core = withToolNames(toolsOf('core'));

	it('names the tools the CLI commands in a message are', () => {
		expect(core('spec-work: Spec 1014 has no active session; start one with: spec-work start 1014')).toBe(
			'spec-work: Spec 1014 has no active session; start one with: spec-work start 1014 (as MCP tool: start_session)',
		);
		expect(core('read it again (spec-work status 1014) and retry, or spec-work finish 1014 --complete')).toBe(
			'read it again (spec-work status 1014) and retry, or spec-work finish 1014 --complete (as MCP tools: status, finish_session)',
		);
	});

	it('leaves a line alone that names no command, or only commands no offered tool runs', () => {
		expect(core('spec-work: No spec with id "9999" under specs/')).toBe('spec-work: No spec with id "9999" under specs/');
		expect(core('finish it with: spec-work migrate --apply')).toBe('finish it with: spec-work migrate --apply');
		// The git tools come with --tools all in a repository only.
		expect(core('spec-work commit 1014 -m "x"')).toBe('spec-work commit 1014 -m "x"');
		expect(withToolNames(toolsOf('all', { git: true }))('spec-work commit 1014 -m "x"')).toMatch(/\(as MCP tool: \w+\)$/);
	});
});
