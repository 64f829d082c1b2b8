import { execFileSync, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { crc32, deflateSync } from 'zlib';
import { CLI, CliRun, TempVault } from '../helpers/cli-process';
import { EXAMPLE_VAULT } from '../helpers/vault-files';

/** A 1×1 red PNG, put together chunk by chunk, so the test holds no opaque fixture. */
function redPng(): Buffer {
	const chunk = (type: string, data: Buffer): Buffer => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
	const pixels = deflateSync(Buffer.from([0, 0xff, 0, 0]));
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The built CLI with bytes on its standard input (the shared helper passes text only). */
function runWithBytes(vault: TempVault | string, args: string[], input: Buffer): CliRun {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: typeof vault === 'string' ? vault : vault.dir,
		input,
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SPEC_WORK_NOW: '2025-08-28T10:00' },
	});
	return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const SPEC = 'specs/1000/1001/1014.spec.md';
const CONTEXT = 'specs/1000/1001/1014.context.md';

describe('spec-work deliver with a binary file', () => {
	let vault: TempVault;
	const bytes = (path: string): Buffer => readFileSync(join(vault.dir, path));
	const text = (path: string): string => bytes(path).toString('utf8');

	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it('copies a PNG given with --from byte for byte, without a header, and registers it in the spec and the context', () => {
		const png = redPng();
		writeFileSync(join(vault.dir, 'red.png'), png);
		const r = vault.run(['deliver', '1014', '--type', 'docs', '--file', 'red.png', '--from', 'red.png', '--title', 'Red dot', '--purpose', 'Status light']);
		expect([r.code, r.stderr]).toEqual([0, '']);
		expect(bytes('specs/1000/1001/deliverables/docs/red.png').equals(png)).toBe(true);
		expect(text(SPEC)).toContain('\n- [[deliverables/docs/red.png|Red dot]]\n');
		expect(text(CONTEXT)).toContain('\n- [[deliverables/docs/red.png|Red dot]] - Status light\n');
		const report = vault.run(['deliverables', '1014', '--json']);
		expect(report.code).toBe(0);
		const entry = (JSON.parse(report.stdout) as { deliverables: { path: string; bytes: number; traceback: unknown }[] }).deliverables.find((d) => d.path.endsWith('red.png'));
		expect(entry).toMatchObject({ bytes: png.length, traceback: null });
	});

	it('copies 3 MB of random bytes under a name that says nothing of its kind, from --stdin, as they are', () => {
		const blob = randomBytes(3 * 1024 * 1024);
		const r = runWithBytes(vault, ['deliver', '1014', '--type', 'config', '--file', 'firmware.dat', '--stdin'], blob);
		expect([r.code, r.stderr]).toEqual([0, '']);
		const written = bytes('specs/1000/1001/deliverables/config/firmware.dat');
		expect(written.length).toBe(blob.length);
		expect(written.equals(blob)).toBe(true);
		expect(text(SPEC)).toContain('\n- [[deliverables/config/firmware.dat|firmware.dat]]\n');
		expect(text(CONTEXT)).toContain('\n- [[deliverables/config/firmware.dat|firmware.dat]]\n');
		// The vault stays workable with the binary in it.
		expect(vault.run(['status', '1014']).code).toBe(0);
		expect(vault.run(['validate']).stdout).not.toContain('firmware.dat');
	});

	it('copies a PNG from --stdin byte for byte', () => {
		const png = redPng();
		const r = runWithBytes(vault, ['deliver', '1014', '--type', 'docs', '--file', 'red.png', '--stdin'], png);
		expect([r.code, r.stderr]).toEqual([0, '']);
		expect(bytes('specs/1000/1001/deliverables/docs/red.png').equals(png)).toBe(true);
	});

	it('copies bytes holding a NUL as they are, even when they would decode as UTF-8', () => {
		const data = Buffer.from('ab\u0000cd\n#!/bin/sh\n', 'utf8');
		const r = runWithBytes(vault, ['deliver', '1014', '--type', 'scripts', '--file', 'packed.sh', '--stdin'], data);
		expect([r.code, r.stderr]).toEqual([0, '']);
		expect(bytes('specs/1000/1001/deliverables/scripts/packed.sh').equals(data)).toBe(true);
	});

	it('still writes the traceback header into a text file given on --stdin, its bytes after it kept', () => {
		const script = '#!/bin/bash\necho "café ✓"\n';
		const r = runWithBytes(vault, ['deliver', '1014', '--type', 'scripts', '--file', 'hello.sh', '--purpose', 'Greets', '--stdin'], Buffer.from(script, 'utf8'));
		expect([r.code, r.stderr]).toEqual([0, '']);
		expect(text('specs/1000/1001/deliverables/scripts/hello.sh')).toBe(
			'#!/bin/bash\n# Generated from: specs/1000/1001/1014.spec.md\n# Context: specs/1000/1001/1014.context.md\n# Purpose: Greets\n# Created: 2025-08-28 by Claude + User\n\necho "café ✓"\n',
		);
	});
});

describe('a note that is not UTF-8, met by a real spec-work process', () => {
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it('start refuses in one line naming the journal and the byte, and leaves its bytes as they were', () => {
		const path = join(vault.dir, CONTEXT);
		const before = Buffer.concat([readFileSync(path), Buffer.from('\n## Notes\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
		writeFileSync(path, before);
		const offset = before.indexOf(0xe9);
		const r = vault.run(['start', '1014', '--title', 'Docs']);
		expect([r.code, r.stderr]).toEqual([1, `spec-work: ${CONTEXT}: not UTF-8 text (0xe9 at byte ${offset}); it is left untouched: save it as UTF-8 to work on it\n`]);
		expect(readFileSync(path).equals(before)).toBe(true);
	});
});

/** Every file under `root`, hidden ones included, as path → bytes. */
function filesUnder(root: string): Record<string, Buffer> {
	const out: Record<string, Buffer> = {};
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const abs = join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else out[relative(root, abs)] = readFileSync(abs);
		}
	};
	walk(root);
	return out;
}

describe('a binary deliverable larger than the room left on the disk', () => {
	// A 1 MB tmpfs is the disk; mounting needs root, so elsewhere this says why it is skipped.
	const disk = mkdtempSync(join(tmpdir(), 'spec-work-binary-full-'));
	let mountProblem: string | null = null;
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk], { stdio: 'pipe' });
	} catch (e) {
		mountProblem = (e as { stderr?: Buffer }).stderr?.toString().trim() || String(e);
		console.log(`binary full-disk test skipped: cannot mount a small tmpfs here (${mountProblem})`);
	}
	afterAll(() => {
		if (mountProblem === null) execFileSync('umount', [disk]);
		rmdirSync(disk);
	});

	(mountProblem === null ? it : it.skip)('fails in one line naming it, and leaves the vault byte for byte as it was', () => {
		cpSync(EXAMPLE_VAULT, disk, { recursive: true });
		const before = filesUnder(disk);
		const r = runWithBytes(disk, ['deliver', '1014', '--type', 'config', '--file', 'firmware.dat', '--stdin'], randomBytes(3 * 1024 * 1024));
		expect([r.code, r.stderr]).toEqual([1, 'spec-work: specs/1000/1001/deliverables/config/firmware.dat: no space left on the disk; nothing was written\n']);
		expect(filesUnder(disk)).toEqual(before);
	});
});
