import fc from 'fast-check';
import { DELIVER } from '../../../src/core/operations/deliver';
import { FINISH } from '../../../src/core/operations/finish';
import { LOG } from '../../../src/core/operations/log';
import { RESUME } from '../../../src/core/operations/resume';
import { START } from '../../../src/core/operations/start';
import { STATUS } from '../../../src/core/operations/status';
import { TASK } from '../../../src/core/operations/task';
import { contentHash, specRevision } from '../../../src/core/workspace/revision';
import { requireSpec } from '../../../src/core/workspace/workspace';
import { CTX_1014, CTX_4005, EXAMPLE, expectRefused, SPEC_1014, SPEC_4005, workspace } from '../workflow/session-fixtures';

/** 64-bit FNV-1a as its definition reads, over TextEncoder's bytes: the oracle for the fast one. */
function fnv1a64(text: string): string {
	let h = 0xcbf29ce484222325n;
	for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
	return h.toString(16).padStart(16, '0').slice(0, 12);
}

describe('contentHash', () => {
	it('is 64-bit FNV-1a of the UTF-8 bytes, its first 12 hex digits', () => {
		// The published test vectors of FNV-1a 64.
		expect(contentHash('')).toBe('cbf29ce48422');
		expect(contentHash('a')).toBe('af63dc4c8601');
		expect(contentHash('foobar')).toBe('85944171f739');
	});

	it('agrees with the definition on any text: BOM, CRLF, accents, emoji, lone surrogates', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => contentHash(text) === fnv1a64(text)),
			{ examples: [['\uFEFF# Spec\r\n'], ['é😀'], ['\ud800x'], ['x\udc00']] },
		);
	});

	it('is equal for equal text and differs after any one character changes', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (text, at, char) => {
				const i = at % text.length;
				const changed = text.slice(0, i) + char + text.slice(i + 1);
				// Each FNV-1a step is a bijection of the state, so the 64-bit hashes of different texts of one length differ.
				expect(contentHash(text.slice())).toBe(contentHash(text));
				if (changed !== text) expect(contentHash(changed)).not.toBe(contentHash(text));
			}),
		);
	});
});

describe('the revision of a spec and its journal', () => {
	it('status and resume give the same revision, at the end of their JSON, with each file by path', async () => {
		const ws = await workspace();
		const status = await STATUS.run(ws, { id: '1014' }, {});
		const brief = await RESUME.run(ws, { id: '1014' }, undefined);
		const expected = { [SPEC_1014]: contentHash(EXAMPLE[SPEC_1014]), [CTX_1014]: contentHash(EXAMPLE[CTX_1014]) };
		expect(status.revisions).toEqual(expected);
		expect(status.revision).toBe(`${expected[SPEC_1014]}.${expected[CTX_1014]}`);
		expect(brief.revision).toBe(status.revision);
		expect(Object.keys(status).slice(-2)).toEqual(['revision', 'revisions']);
		expect(Object.keys(brief).slice(-2)).toEqual(['revision', 'revisions']);
	});

	it('a spec without a journal has "none" for it, and no journal among its revisions', async () => {
		const ws = await workspace();
		const status = await STATUS.run(ws, { id: '4005' }, {});
		expect(status.revision).toBe(`${contentHash(EXAMPLE[SPEC_4005])}.none`);
		expect(status.revisions).toEqual({ [SPEC_4005]: contentHash(EXAMPLE[SPEC_4005]) });
	});

	it('changes in the part of the file a person changed, by one byte', async () => {
		const ws = await workspace();
		const parts = async () => (await specRevision(ws, requireSpec(ws, '1014'))).revision.split('.');
		const [spec, journal] = await parts();
		ws.store.put(CTX_1014, EXAMPLE[CTX_1014] + ' ');
		const [spec2, journal2] = await parts();
		expect([spec2 === spec, journal2 === journal]).toEqual([true, false]);
		ws.store.put(SPEC_1014, EXAMPLE[SPEC_1014].replace('\n', '\r\n'));
		const [spec3, journal3] = await parts();
		expect([spec3 === spec, journal3 === journal2]).toEqual([false, true]);
	});
});

describe('a write based on a revision', () => {
	const started = async () => {
		const ws = await workspace();
		await START.run(ws, { id: '1014' }, undefined);
		return ws;
	};
	const revisionOf = async (ws: Awaited<ReturnType<typeof workspace>>) => (await STATUS.run(ws, { id: '1014' }, {})).revision;

	it('proceeds while the files are as read', async () => {
		const ws = await started();
		const base = await revisionOf(ws);
		const r = await LOG.run(ws, { id: '1014', section: 'testing', text: 'Mounted the share', baseRevision: base }, undefined);
		expect(r.written).toEqual([CTX_1014]);
		expect(ws.store.snapshot()[CTX_1014]).toContain('#### Testing\n- Mounted the share\n');
	});

	it('is refused, writing no byte, when a person edited the journal since: the line names it and says to read again', async () => {
		const ws = await started();
		const base = await revisionOf(ws);
		const journal = (await ws.store.read(CTX_1014)) + '\nA note of my own\n';
		ws.store.put(CTX_1014, journal);
		await expectRefused(
			ws,
			() => LOG.run(ws, { id: '1014', section: 'testing', text: 'Mounted the share', baseRevision: base }, undefined),
			'revision-changed',
			`${CTX_1014} changed since revision ${base} was read`,
		);
		expect(await ws.store.read(CTX_1014)).toBe(journal);
		// A fresh reading works, and keeps the person's note.
		await LOG.run(ws, { id: '1014', section: 'testing', text: 'Mounted the share', baseRevision: await revisionOf(ws) }, undefined);
		expect(await ws.store.read(CTX_1014)).toContain('A note of my own');
	});

	it('every writing spec operation checks it', async () => {
		const ws = await started();
		const base = await revisionOf(ws);
		ws.store.put(SPEC_1014, (await ws.store.read(SPEC_1014)).replace('\n', '\n\n'));
		const calls: [string, () => Promise<unknown>][] = [
			['start', () => START.run(ws, { id: '1014', baseRevision: base }, undefined)],
			['log', () => LOG.run(ws, { id: '1014', section: 'testing', text: 'x', baseRevision: base }, undefined)],
			['task', () => TASK.run(ws, { id: '1014', task: '6', state: 'done', baseRevision: base }, undefined)],
			['deliver', () => DELIVER.run(ws, { id: '1014', type: 'docs', file: 'notes.md', content: 'x\n', baseRevision: base }, undefined)],
			['finish', () => FINISH.run(ws, { id: '1014', baseRevision: base }, {})],
		];
		for (const [, call] of calls) await expectRefused(ws, call, 'revision-changed', `${SPEC_1014} changed since revision ${base} was read`);
	});

	it('names both files when both changed, and carries the hint to read again', async () => {
		const ws = await started();
		const base = await revisionOf(ws);
		ws.store.put(SPEC_1014, EXAMPLE[SPEC_1014] + '\n');
		ws.store.put(CTX_1014, (await ws.store.read(CTX_1014)) + '\n');
		const error = await TASK.run(ws, { id: '1014', task: '6', state: 'done', baseRevision: base }, undefined).catch((e: unknown) => e);
		expect(error).toMatchObject({
			code: 'revision-changed',
			message: `${SPEC_1014} and ${CTX_1014} changed since revision ${base} was read`,
			path: SPEC_1014,
			cliHint: 'read it again (spec-work status 1014) and retry',
		});
	});

	it('"none" holds until the journal is created: start creates it, a second start on the old revision is refused', async () => {
		const ws = await workspace();
		const base = (await STATUS.run(ws, { id: '4005' }, {})).revision;
		expect((await START.run(ws, { id: '4005', baseRevision: base }, undefined)).contextCreated).toBe(true);
		await expectRefused(
			ws,
			() => START.run(ws, { id: '4005', baseRevision: base }, undefined),
			'revision-changed',
			`${SPEC_4005} and ${CTX_4005} changed since revision ${base} was read`,
		);
	});

	it('refuses what is not a revision, writing nothing', async () => {
		const ws = await started();
		for (const bad of ['', 'abc', 'bc64a9c37b07', 'bc64a9c37b07.2fad6d8e7bc', 'zz64a9c37b07.none']) {
			await expectRefused(ws, () => LOG.run(ws, { id: '1014', section: 'testing', text: 'x', baseRevision: bad }, undefined), 'bad-revision', /is not a revision/);
		}
	});

	it('takes a revision written in capitals', async () => {
		const ws = await started();
		const base = (await revisionOf(ws)).toUpperCase();
		expect((await TASK.run(ws, { id: '1014', task: '6', state: 'done', baseRevision: base }, undefined)).task.state).toBe('done');
	});
});
