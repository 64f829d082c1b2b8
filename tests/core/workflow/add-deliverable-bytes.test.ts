import fc from 'fast-check';
import { addDeliverable } from '../../../src/core/workflow/add-deliverable';
import { memoryWorkspace } from '../../helpers/workspace';

const DIR = 'specs/1000/1001/deliverables';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The vault's files after delivering `content` as 1014's `type`/`file`, with the deliverable's bytes. */
async function delivered(file: string, content: string | Uint8Array, type = 'scripts') {
	const ws = await memoryWorkspace();
	const r = await addDeliverable(ws, { id: '1014', type, file, purpose: 'Checks', content });
	return { files: ws.store.snapshot(), bytes: ws.store.bytesOf(r.path) };
}

/** What delivering gives: the files written, or the one line of its refusal (malformed frontmatter, say). */
async function outcome(file: string, content: string | Uint8Array) {
	try {
		return await delivered(file, content);
	} catch (e) {
		return { refused: (e as Error).message };
	}
}

describe('addDeliverable with content given as bytes', () => {
	it('UTF-8 text gives the very files the same text given as a string gives (header, byte-order mark, line ends), or the same refusal', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('check.sh', 'guide.md', 'fstab.nas', 'data.json', 'style.css'),
				fc.constantFrom('', '\uFEFF'),
				fc.array(fc.constantFrom('#!/bin/sh', 'echo café ✓', '', '# note', '---', 'x: 1', '😀', '/* c */'), { maxLength: 6 }),
				fc.constantFrom('\n', '\r\n'),
				async (file, bom, lines, eol) => {
					const text = bom + lines.join(eol);
					expect(await outcome(file, encode(text))).toEqual(await outcome(file, text));
				},
			),
			{ numRuns: 40, examples: [['guide.md', '', ['---', '/* c */', '---'], '\n']] },
		);
	});

	it('bytes that are not UTF-8 are the file as given, and the registries list it', async () => {
		const latin1 = new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
		const { files, bytes } = await delivered('legacy.conf', latin1, 'config');
		expect(bytes).toEqual(latin1);
		expect(files['specs/1000/1001/1014.context.md']).toContain('\n- [[deliverables/config/legacy.conf|legacy.conf]] - Checks\n');
		expect(files['specs/1000/1001/1014.spec.md']).toContain('\n- [[deliverables/config/legacy.conf|legacy.conf]]\n');
	});

	it('a name with a binary extension keeps its bytes even when they read as UTF-8 text', async () => {
		const gifLike = encode('GIF89a not really text\n');
		expect((await delivered('logo.gif', gifLike, 'docs')).bytes).toEqual(gifLike);
	});

	it('a NUL byte in the first 8 KB means binary: no header goes in', async () => {
		const data = encode('#!/bin/sh\necho \u0000\n');
		expect((await delivered('tool.sh', data)).bytes).toEqual(data);
	});
});

describe('a binary deliverable in the same planned write as its registries', () => {
	it('is created with them, in the file folder of its type', async () => {
		const ws = await memoryWorkspace();
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
		const r = await addDeliverable(ws, { id: '1014', type: 'docs', file: 'red.png', content: png });
		expect(r).toMatchObject({ path: `${DIR}/docs/red.png`, written: [`${DIR}/docs/red.png`, 'specs/1000/1001/1014.spec.md', 'specs/1000/1001/1014.context.md'] });
		expect((await ws.store.stat(r.path))?.size).toBe(png.length);
	});
});
