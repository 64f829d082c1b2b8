import fc from 'fast-check';
import { BLOCK_END, placeBlock } from '../../../src/core/agent/marked-block';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';

const BEGIN = '<!-- spec-work:begin agents: generated -->';
const block = (body: string) => `${BEGIN}\n${body}\n${BLOCK_END}\n`;
const NEW = block('new text');

describe('placeBlock', () => {
	it('creates a missing file from the fresh text, or the block alone', () => {
		expect(placeBlock(null, NEW, 'AGENTS.md')).toEqual({ text: NEW, action: 'created' });
		expect(placeBlock(null, NEW, 'x.md', `---\na: 1\n---\n\n${NEW}`)).toEqual({ text: `---\na: 1\n---\n\n${NEW}`, action: 'created' });
	});

	it('appends to a file without markers after a blank line, keeping every byte of it', () => {
		expect(placeBlock('# Agents\n\nBe kind.\n', NEW, 'AGENTS.md')).toEqual({ text: `# Agents\n\nBe kind.\n\n${NEW}`, action: 'added' });
		expect(placeBlock('# Agents\nno newline', NEW, 'AGENTS.md').text).toBe(`# Agents\nno newline\n\n${NEW}`);
		expect(placeBlock('', NEW, 'AGENTS.md').text).toBe(NEW);
	});

	it('replaces only what lies between the markers', () => {
		const before = `# Mine\n\n${block('old text\nmore old')}\n## Also mine\n- keep\n`;
		expect(placeBlock(before, NEW, 'AGENTS.md')).toEqual({ text: `# Mine\n\n${NEW}\n## Also mine\n- keep\n`, action: 'updated' });
	});

	it('says unchanged when the block is already current', () => {
		const text = `intro\n\n${NEW}outro\n`;
		expect(placeBlock(text, NEW, 'AGENTS.md')).toEqual({ text, action: 'unchanged' });
	});

	it('keeps an end marker at the very end of the file without adding a line end', () => {
		const before = `intro\n${BEGIN}\nold\n${BLOCK_END}`;
		expect(placeBlock(before, NEW, 'AGENTS.md').text).toBe(`intro\n${BEGIN}\nnew text\n${BLOCK_END}`);
	});

	it('writes the block with CRLF in a CRLF file', () => {
		const before = `# Mine\r\n\r\n${BEGIN}\r\nold\r\n${BLOCK_END}\r\ntail\r\n`;
		expect(placeBlock(before, NEW, 'AGENTS.md').text).toBe(`# Mine\r\n\r\n${BEGIN}\r\nnew text\r\n${BLOCK_END}\r\ntail\r\n`);
		expect(placeBlock('# Mine\r\n', NEW, 'AGENTS.md').text).toBe(`# Mine\r\n\r\n${BEGIN}\r\nnew text\r\n${BLOCK_END}\r\n`);
	});

	it('treats markers quoted in fenced code as text', () => {
		const doc = `How it looks:\n\`\`\`md\n${BEGIN}\n${BLOCK_END}\n\`\`\`\n`;
		expect(placeBlock(doc, NEW, 'AGENTS.md')).toEqual({ text: `${doc}\n${NEW}`, action: 'added' });
	});

	it.each([
		['a begin without an end', `a\n${BEGIN}\nb\n`, /^AGENTS\.md line 2: <!-- spec-work:begin … --> without a <!-- spec-work:end --> line after it/],
		['an end without a begin', `a\n${BLOCK_END}\n`, /^AGENTS\.md line 2: <!-- spec-work:end --> without a <!-- spec-work:begin … --> line before it/],
		['two blocks', `${NEW}${NEW}`, /^AGENTS\.md line 4: a second <!-- spec-work:begin … --> marker/],
		['a stray end after the block', `${NEW}${BLOCK_END}\n`, /^AGENTS\.md line 4: a <!-- spec-work:end --> marker outside the generated block/],
	])('refuses %s, naming the file and line', (_, text, message) => {
		let error: unknown;
		try {
			placeBlock(text, NEW, 'AGENTS.md');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(WorkflowError);
		expect((error as WorkflowError).message).toMatch(message);
		expect((error as WorkflowError).path).toBe('AGENTS.md');
	});

	it('keeps every byte outside the markers, whatever the user wrote around them', () => {
		// User text that cannot itself contain a marker or open a code fence.
		const userText = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '#', '-', '<', '!', 'é', '\t'), maxLength: 60 });
		fc.assert(
			fc.property(userText, userText, userText, (head, tail, oldBody) => {
				const headEnd = head === '' || head.endsWith('\n') ? head : head + '\n';
				const oldBlock = `${BEGIN}\n${oldBody}\n${BLOCK_END}`;
				const before = headEnd + oldBlock + (tail === '' ? '' : '\n' + tail);
				const after = placeBlock(before, NEW, 'AGENTS.md').text;
				const start = after.indexOf(BEGIN);
				const end = after.indexOf(BLOCK_END) + BLOCK_END.length;
				expect(after.slice(0, start)).toBe(headEnd);
				expect(after.slice(end)).toBe(tail === '' ? '' : '\n' + tail);
			}),
		);
	});
});
