import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileStoreError } from '../core/files/file-store';
import { DEFAULT_IGNORED_FOLDERS, parseGlobList } from '../core/index/ignored-folders';
import { WorkflowError } from '../core/workflow/workflow-error';
import { parseArgs, ParsedArgs, UsageError } from './args';
import { VERBS, Verb } from './verbs';
import { openWorkspace } from './open-workspace';

export interface CliIo {
	cwd: string;
	env: Record<string, string | undefined>;
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** The whole of standard input, read only when a verb asks for it; bytes, so a binary file passes unchanged. */
	readStdin: () => string | Uint8Array;
}

const COMMON = { values: ['vault', 'specs-root'], repeatable: ['ignore'], flags: ['json', 'help'] };

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
  --help             this text, or a verb's usage with: spec-work <verb> --help
Environment: SPEC_WORK_NOW=2025-08-26T14:30 fixes the clock.`;

/** Runs one command line; returns the exit code (0 ok, 1 failed and changed nothing, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
	const [verbName, ...rest] = argv;
	if (verbName === undefined) {
		io.stderr(USAGE + '\n');
		return 2;
	}
	if (verbName === '--help' || verbName === 'help') {
		io.stdout(USAGE + '\n');
		return 0;
	}
	const verb: Verb | undefined = VERBS[verbName];
	if (!verb) {
		io.stderr(`spec-work: unknown verb "${verbName}"\n\n${USAGE}\n`);
		return 2;
	}
	let args: ParsedArgs;
	try {
		args = parseArgs(rest, {
			values: [...COMMON.values, ...(verb.options.values ?? [])],
			repeatable: [...COMMON.repeatable, ...(verb.options.repeatable ?? [])],
			flags: [...COMMON.flags, ...(verb.options.flags ?? [])],
			aliases: verb.options.aliases,
		});
		if (args.options.has('help')) {
			io.stdout(`Usage: spec-work ${verb.usage}\n${verb.help ? '\n' + verb.help + '\n' : ''}`);
			return 0;
		}
		const [min, max] = verb.positionals;
		if (args.positionals.length < min) throw new UsageError(`missing ${verb.positionalNames.slice(args.positionals.length, min).join(' ')}`);
		if (args.positionals.length > max) throw new UsageError(`unexpected argument "${args.positionals[max]}"`);
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`spec-work ${verbName}: ${e.message}\nUsage: spec-work ${verb.usage}\n`);
			return 2;
		}
		throw e;
	}
	try {
		const ws = await openWorkspace({
			cwd: io.cwd,
			vault: args.options.get('vault'),
			specsRoot: args.options.get('specs-root'),
			ignore: args.repeated.get('ignore')?.flatMap(parseGlobList),
			now: io.env.SPEC_WORK_NOW,
			warn: (line) => io.stderr(`spec-work: ${line}\n`),
		});
		// Bytes, not text: a binary file decoded as UTF-8 would lose every byte that is not.
		const readInput = (file: string): Uint8Array => {
			try {
				return readFileSync(nodePath.resolve(io.cwd, file));
			} catch {
				throw new WorkflowError('no-input', `Cannot read ${file}`);
			}
		};
		const result = await verb.run(ws, args, { readInput, readStdin: io.readStdin });
		if (args.options.has('json')) io.stdout(JSON.stringify(result.json, null, 2) + '\n');
		else if (result.text !== '') io.stdout(result.text.endsWith('\n') ? result.text : result.text + '\n');
		return result.exitCode ?? 0;
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`spec-work ${verbName}: ${e.message}\nUsage: spec-work ${verb.usage}\n`);
			return 2;
		}
		if (e instanceof WorkflowError) {
			io.stderr(`spec-work: ${e.message}${e.cliHint ? `; ${e.cliHint}` : ''}\n`);
			return 1;
		}
		if (e instanceof FileStoreError) {
			io.stderr(`spec-work: ${e.message}\n`);
			return 1;
		}
		const message = e instanceof Error ? e.message : String(e);
		io.stderr(`spec-work: unexpected error: ${message}\n`);
		if (io.env.SPEC_WORK_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
		return 1;
	}
}

// Run when executed as the bundled bin (dist/cli.js), not when imported by tests.
if (require.main === module) {
	void runCli(process.argv.slice(2), {
		cwd: process.cwd(),
		env: process.env,
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		readStdin: () => readFileSync(0),
	}).then((code) => {
		process.exitCode = code;
	});
}
