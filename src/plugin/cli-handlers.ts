import { CliData, CliFlags, Platform, requireApiVersion } from 'obsidian';
import { withoutControls } from '../core/edits/user-text';
import { failureLine, logText } from '../core/text/call-text';
import { LOG } from '../core/operations/log';
import { NEXT } from '../core/operations/next';
import { AnyOperation, checkInput, Field, InputError, Operation, RawInput } from '../core/operations/operation';
import { openSpecsJson } from '../core/operations/result-json';
import { OPEN_SPECS, STATUS } from '../core/operations/status';
import { VALIDATE } from '../core/operations/validate';
import { formatNextTask } from '../core/text/next-text';
import { formatOpenSpecs } from '../core/text/open-specs-text';
import { formatProblems } from '../core/text/problems-text';
import { formatStatus } from '../core/text/status-text';
import { WorkflowError } from '../core/workspace/workflow-error';
import type { Workspace } from '../core/workspace/workspace';
import { vaultRepository } from './git/desktop-git';
import type SpecWorkflowPlugin from './spec-workflow-plugin';

/**
 * `obsidian spec-workflow:status|next|log|validate` through Obsidian's own command line (1.12.2+):
 * thin adapters over the catalogue's operations, answering from the plugin's live index, in the
 * words `spec-work` prints (the same core formatters, the same JSON, the same one-line refusals).
 * Obsidian's CLI passes `key=value` pairs and bare flags (as 'true'); `format=json` asks for JSON.
 */
interface CliVerb {
	action: string;
	description: string;
	/** The operations whose fields are this action's parameters. */
	operations: readonly AnyOperation[];
	/** Parameters that fill no field. */
	extra?: CliFlags;
	/** Fields that are required only in some calls (status: id, unless all). */
	optional?: readonly string[];
	run(plugin: SpecWorkflowPlugin, ws: Workspace, params: CliData): Promise<CliOutput>;
}

/** What an action answers: the JSON `format=json` prints, and the text printed otherwise. */
interface CliOutput {
	json: unknown;
	text: string;
}

/** Fields spelled as `spec-work` spells their options. */
const CLI_NAMES: Record<string, string> = { baseRevision: 'if-match' };
const FORMAT: CliFlags = { format: { value: 'json|text', description: 'json for the JSON spec-work --json prints; text (the default) otherwise' } };

const VERBS: readonly CliVerb[] = [
	{
		action: 'status',
		description: "A spec's progress, tasks, criteria, deliverables, time and last commit, as spec-work status prints it; all: every spec not completed",
		operations: [STATUS],
		extra: { all: { description: 'Every spec not completed, with its progress and next task' } },
		optional: ['id'],
		async run(plugin, ws, params) {
			if (flag(params, 'all')) {
				if (params.id !== undefined) throw new UsageError('give either id=<id> or all, not both');
				const specs = await OPEN_SPECS.run(ws, {}, undefined);
				return { json: openSpecsJson(specs), text: formatOpenSpecs(specs) };
			}
			if (params.id === undefined) throw new UsageError('id is required (or all)');
			return runOperation(STATUS, ws, params, { repository: () => optionalRepository(plugin) }, formatStatus);
		},
	},
	operationVerb('next', 'The plan task to work on next, as spec-work next prints it', NEXT, formatNextTask),
	operationVerb('log', 'Append an entry to a section of the active session, as spec-work log does', LOG, logText),
	operationVerb('validate', 'Check links, spec ↔ context links, tracebacks, registries and ids, as spec-work validate does; fix applies the safe fixes', VALIDATE, formatProblems),
];

/** An action that is one operation, its parameters the operation's fields, its text as `text` words the result. */
function operationVerb<I, R>(action: string, description: string, op: Operation<I, R, undefined>, text: (result: R) => string): CliVerb {
	return { action, description, operations: [op], run: (_plugin, ws, params) => runOperation(op, ws, params, undefined, text) };
}

/** The operation run on the parameters: its result as the JSON, and in the words `text` gives it. */
async function runOperation<I, R, H>(op: Operation<I, R, H>, ws: Workspace, params: CliData, host: H, text: (result: R) => string): Promise<CliOutput> {
	const result = await op.run(ws, input<I>(op, params), host);
	return { json: result, text: text(result) };
}

/** Registers the handlers where Obsidian has a command line: the desktop app, 1.12.2 on. Elsewhere nothing. */
export function registerCliHandlers(plugin: SpecWorkflowPlugin): void {
	if (!Platform.isDesktopApp) return;
	// An older app has no such method; the version check is what the review lint reads.
	if (requireApiVersion('1.12.2') && typeof plugin.registerCliHandler === 'function') {
		for (const verb of VERBS) {
			const command = `${plugin.manifest.id}:${verb.action}`;
			plugin.registerCliHandler(command, verb.description, cliFlags(verb), (params) => answer(plugin, verb, command, params));
		}
	}
}

/** One call: the action's output, or the one line saying why it did nothing. */
async function answer(plugin: SpecWorkflowPlugin, verb: CliVerb, command: string, params: CliData): Promise<string> {
	try {
		checkParameters(verb, params);
		await plugin.indexReady;
		const result = await verb.run(plugin, plugin.workspace(), params);
		const out = format(params) === 'json' ? JSON.stringify(result.json, null, 2) : result.text.replace(/\n$/, '');
		return withoutControls(out);
	} catch (e) {
		return withoutControls(e instanceof UsageError ? `${command}: ${e.message}` : failureLine(e));
	}
}

class UsageError extends Error {}

function cliName(field: Field): string {
	return CLI_NAMES[field.name] ?? field.name;
}

/** What Obsidian's help and completion show: each field as a parameter (a flag for a switch), then `format`. */
function cliFlags(verb: CliVerb): CliFlags {
	const flags: CliFlags = {};
	for (const op of verb.operations) {
		for (const field of op.input) {
			const required = field.required === true && !verb.optional?.includes(field.name);
			const name = cliName(field);
			const value = field.kind === 'flag' ? {} : { value: field.choices ? field.choices.join('|') : `<${name}>` };
			flags[name] = { ...value, description: field.summary, required };
		}
	}
	return { ...flags, ...verb.extra, ...FORMAT };
}

/** Refuses a parameter the action does not take (a misspelt one would otherwise be dropped quietly). */
function checkParameters(verb: CliVerb, params: CliData): void {
	const known = new Set(Object.keys(cliFlags(verb)));
	// Obsidian's own: which vault the command is for.
	known.add('vault');
	const unknown = Object.keys(params).filter((k) => !known.has(k));
	if (unknown.length > 0) throw new UsageError(`unknown parameter ${unknown.map((k) => `"${k}"`).join(', ')}`);
	format(params);
}

function format(params: CliData): 'json' | 'text' {
	const value = params.format ?? 'text';
	if (value !== 'json' && value !== 'text') throw new UsageError(`format must be json or text (got "${value}")`);
	return value;
}

/** A bare flag comes as 'true'; `flag=false` turns it off. */
function flag(params: CliData, name: string): boolean {
	const value = params[name];
	if (value === undefined || value === 'false') return false;
	if (value === 'true') return true;
	throw new UsageError(`${name} is a flag: give it as ${name}, without a value (got "${value}")`);
}

/** The operation's input from the parameters, checked against its fields as every surface checks it. */
function input<I>(op: { input: readonly Field[] }, params: CliData): I {
	const raw: RawInput = {};
	for (const field of op.input) {
		const name = cliName(field);
		if (field.kind === 'flag') raw[field.name] = flag(params, name);
		else if (field.kind === 'list') raw[field.name] = params[name] === undefined ? undefined : [params[name]];
		else raw[field.name] = params[name];
	}
	try {
		return checkInput<I>(op, raw);
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		throw new UsageError(e.problem === 'required' ? `${cliName(e.field)} is required` : e.message);
	}
}

/** The vault's git repository for status's last commit date, or none (no repository, a vault not on disk). */
async function optionalRepository(plugin: SpecWorkflowPlugin) {
	try {
		return await vaultRepository(plugin.app);
	} catch (e) {
		if (e instanceof WorkflowError) return null;
		throw e;
	}
}
