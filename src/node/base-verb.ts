import { BASE } from '../core/operations/base';
import { Verb, verbInput } from './verb-adapter';

/** `spec-work base [--file NAME] [--force]`: the specs base for Obsidian's Bases. */
export const BASE_VERB: Verb = {
	usage: 'base [--file Specs.base] [--force]',
	help: "Writes Specs.base in the specs folder (--file names another): Obsidian Bases views of the specs' properties — all specs as a table (id, title, type, status, parent, updated, reviewed), the same grouped by status, and those that need review (updated after reviewed, or never reviewed). The file is yours once written: when it exists and differs it is left as it is (exit 1) unless --force replaces it.",
	operations: [BASE],
	positionals: [],
	async run(ws, args) {
		const r = await BASE.run(ws, verbInput(this, BASE, args), undefined);
		const text = r.action === 'unchanged' ? `${r.path} is up to date; nothing changed.` : `${r.action === 'created' ? 'Wrote' : 'Replaced'} ${r.path}`;
		return { json: r, text };
	},
};
