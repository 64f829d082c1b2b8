import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileStoreError } from '../core/files/file-store';
import { DEFAULT_IGNORED_FOLDERS, parseGlobList } from '../core/index/ignored-folders';
import { WorkflowError } from '../core/workspace/workflow-error';
import { withoutControls } from '../core/edits/user-text';
import { parseArgs, ParsedArgs, UsageError } from './args';
import { VERBS, Verb } from './verbs';
import { positionalRange, verbOptions } from './verb-adapter';
import { findVault, openWorkspace } from './open-workspace';
import { cacheFolder } from './index-cache/cache-place';
import { callWrites } from './call-writes';
import { failureLine } from '../core/text/call-text';
import { UNFINISHED_MIGRATION_HINT, unfinishedMigrationLog } from '../core/operations/migration-guard';
import { lockTimeoutMs, VaultLock } from './vault-lock';

export interface CliIo {
	cwd: string;
	env: Record<string, string | undefined>;
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** The whole of standard input, read only when a verb asks for it; bytes, so a binary file passes unchanged. */
	readStdin: () => string | Uint8Array;
}

const COMMON = { values: ['vault', 'specs-root'], repeatable: ['ignore'], flags: ['json', 'help', 'no-cache'] };

export const USAGE = `Usage: spec-work <verb> [id] [options]

Verbs:
${Object.values(VERBS)
	.map((v) => `  ${v.usage}`)
	.join('\n')}

Options everywhere:
  --vault DIR        the vault (default: nearest folder upwards holding .obsidian/ or specs/)
  --specs-root DIR   the specs folder inside the vault (default: specs, or the plugin's setting)
  --ignore GLOB      leave folders matching GLOB out of discovery, repeatable; replaces the plugin's
                     ignored folders (default: ${DEFAULT_IGNORED_FOLDERS.join(', ')});
                     --ignore '' ignores nothing
  --json             machine-readable output (see docs/cli.md)
  --no-cache         build the index from the files alone, neither reading nor writing its cache
                     (kept in the user's cache folder; see docs/cli.md)
  --help             this text, or a verb's usage with: spec-work <verb> --help
Environment: SPEC_WORK_NOW=2025-08-26T14:30 fixes the clock; SPEC_WORK_LOCK_TIMEOUT=SECONDS is how long
  a writing call waits for another spec-work writing the same vault (default 60); SPEC_WORK_CACHE_DIR=DIR
  keeps the index cache there; SPEC_WORK_NO_CACHE=1 is --no-cache.`;

/** Runs one command line; returns the exit code (0 ok, 1 failed and changed nothing, 2 usage). */
export async function runCli(argv: string[], given: CliIo): Promise<number> {
	// What is echoed (an id, a title, a message typed with ESC or BEL) never acts on the terminal.
	const io: CliIo = { ...given, stdout: (t) => given.stdout(withoutControls(t)), stderr: (t) => given.stderr(withoutControls(t)) };
	const [verbName, ...rest] = argv;
	if (verbName === undefined || verbName === '--help' || verbName === 'help') {
		(verbName === undefined ? io.stderr : io.stdout)(USAGE + '\n');
		return verbName === undefined ? 2 : 0;
	}
	const verb: Verb | undefined = Object.prototype.hasOwnProperty.call(VERBS, verbName) ? VERBS[verbName] : undefined;
	if (!verb) {
		io.stderr(`spec-work: unknown verb "${verbName}"\n\n${USAGE}\n`);
		return 2;
	}
	const usageFailure = (e: UsageError): number => {
		io.stderr(`spec-work ${verbName}: ${e.message}\nUsage: spec-work ${verb.usage}\n`);
		return 2;
	};
	let args: ParsedArgs;
	try {
		args = verbArgs(verb, rest);
	} catch (e) {
		if (e instanceof UsageError) return usageFailure(e);
		throw e;
	}
	if (args.options.has('help')) {
		io.stdout(`Usage: spec-work ${verb.usage}\n${verb.help ? '\n' + verb.help + '\n' : ''}`);
		return 0;
	}
	let lock: VaultLock | undefined;
	try {
		// A writing call holds the vault's lock from before it reads the index until it is done, so
		// reading, planning, checking and writing are one step against other spec-work processes.
		if (callWrites(verb, args)) {
			const vaultPath = findVault(io.cwd, args.options.get('vault'), args.options.get('specs-root') ?? 'specs');
			lock = await VaultLock.acquire(vaultPath, verbName, lockTimeoutMs(io.env.SPEC_WORK_LOCK_TIMEOUT));
		}
		const ws = await openWorkspace({
			cwd: io.cwd,
			vault: args.options.get('vault'),
			specsRoot: args.options.get('specs-root'),
			ignore: args.repeated.get('ignore')?.flatMap(parseGlobList),
			now: io.env.SPEC_WORK_NOW,
			warn: (line) => io.stderr(`spec-work: ${line}\n`),
			cacheFolder: cacheFolder(io.env, args.options.has('no-cache')),
			locked: lock !== undefined,
		});
		// A writing call is refused by the operation; a reading one answers, saying what it reads.
		const migrating = lock || verbName === 'migrate' ? null : await unfinishedMigrationLog(ws);
		if (migrating !== null) io.stderr(`spec-work: an interrupted migration is unfinished (${migrating}), so this reads a half-moved vault; ${UNFINISHED_MIGRATION_HINT}\n`);
		const result = await verb.run(ws, args, { readInput: (file) => readInput(io.cwd, file), readStdin: io.readStdin });
		if (args.options.has('json')) io.stdout(JSON.stringify(result.json, null, 2) + '\n');
		else if (result.text !== '') io.stdout(result.text.endsWith('\n') ? result.text : result.text + '\n');
		return result.exitCode ?? 0;
	} catch (e) {
		if (e instanceof UsageError) return usageFailure(e);
		return failure(e, io);
	} finally {
		lock?.release();
	}
}

/**
 * The command line after the verb, with the options its operations take and the common ones,
 * and as many positionals as they allow. --help is answered before the positionals are counted.
 */
function verbArgs(verb: Verb, rest: string[]): ParsedArgs {
	const own = verbOptions(verb);
	const args = parseArgs(rest, {
		values: [...COMMON.values, ...(own.values ?? [])],
		repeatable: [...COMMON.repeatable, ...(own.repeatable ?? [])],
		flags: [...COMMON.flags, ...(own.flags ?? [])],
		aliases: own.aliases,
	});
	if (args.options.has('help')) return args;
	const [min, max] = positionalRange(verb);
	if (args.positionals.length < min)
		throw new UsageError(
			`missing ${verb.positionals
				.slice(args.positionals.length, min)
				.map((p) => p.name)
				.join(' ')}`,
		);
	if (args.positionals.length > max) throw new UsageError(`unexpected argument "${args.positionals[max]}"`);
	return args;
}

/** Bytes, not text: a binary file decoded as UTF-8 would lose every byte that is not. */
function readInput(cwd: string, file: string): Uint8Array {
	try {
		return readFileSync(nodePath.resolve(cwd, file));
	} catch {
		throw new WorkflowError('no-input', `Cannot read ${file}`);
	}
}

/** A failed call in one line: the workflow's refusals as they are, anything else as unexpected. */
function failure(e: unknown, io: CliIo): number {
	io.stderr(failureLine(e) + '\n');
	const expected = e instanceof WorkflowError || e instanceof FileStoreError;
	if (!expected && io.env.SPEC_WORK_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
	return 1;
}

// Run when executed as the bundled bin (dist/cli.js), not when imported by tests.
if (require.main === module) {
	void runCli(process.argv.slice(2), {
		cwd: process.cwd(),
		env: process.env,
		stdout: writerTo(process.stdout),
		stderr: writerTo(process.stderr),
		readStdin: () => readFileSync(0),
	}).then((code) => {
		process.exitCode = code === 0 && outputFailed ? 1 : code;
	});
}

/** Set when the output could not be written (other than to a closed pipe): the call then exits 1. */
let outputFailed = false;

/**
 * Writes to stdout or stderr. A reader that stops early (`spec-work migrate | head -1`) closes the
 * pipe: the rest of the output has nowhere to go, which is no failure, so later writes are dropped
 * quietly and the call ends as it would have (its lock released). Any other failure to write is
 * one line, never a stack trace.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
	let open = true;
	stream.on('error', (e: NodeJS.ErrnoException) => {
		if (!open) return;
		open = false;
		if (e.code === 'EPIPE') return;
		outputFailed = true;
		process.exitCode = 1;
		if (stream !== process.stderr) process.stderr.write(`spec-work: cannot write to standard output: ${e.message}\n`);
	});
	return (text) => {
		if (open) stream.write(text);
	};
}
