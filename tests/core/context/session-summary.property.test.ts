import fc from 'fast-check';
import { parseSessions } from '../../../src/core/context/session';
import { lastMade, sessionGist } from '../../../src/core/context/session-summary';
import { commentedMarkdown, edgyMarkdown } from '../markdown/markdown-arbitraries';
import { journalText } from './journal-arbitraries';

const anyText = fc.oneof({ weight: 4, arbitrary: journalText }, { weight: 1, arbitrary: edgyMarkdown }, { weight: 1, arbitrary: commentedMarkdown });

describe('what resume says of a session', () => {
	it('is one line, and entries stay within the budget and its `; …`, for any journal', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const sessions = parseSessions(text);
				for (const s of sessions) {
					const gist = sessionGist(text, s);
					if (gist === null) continue;
					expect(gist.text).not.toMatch(/[\r\n]/);
					expect(gist.text).not.toBe('');
					if (gist.from === 'implementation') expect(gist.text.length).toBeLessThanOrEqual(103);
					if (gist.from === 'title') expect(gist.text).toBe(s.title);
				}
				const last = lastMade(text, sessions);
				if (last !== null) expect(last).not.toMatch(/[\r\n]/);
			}),
			{ numRuns: 1000 },
		);
	});

	const word = fc.stringMatching(/^[A-Za-z][a-z0-9]{0,8}$/);
	const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
	const wikilink = fc.tuple(word, words).map(([file, label]) => ({ md: `[[deliverables/scripts/${file}.sh|${label}]]`, text: label }));
	const mdlink = fc.tuple(word, words).map(([file, label]) => ({ md: `[${label}](deliverables/docs/${file}.md)`, text: label }));
	const part = fc.oneof(
		words.map((w) => ({ md: w, text: w })),
		wikilink,
		mdlink,
	);
	const entry = fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => ({ md: parts.map((p) => p.md).join(' '), text: parts.map((p) => p.text).join(' ') }));

	it('reads every link of an Implementation entry as its label', () => {
		fc.assert(
			fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), (entries) => {
				const text = `### Session 1: 2025-08-26 - T\n#### Implementation\n${entries.map((e) => `- ${e.md}\n`).join('')}`;
				const [session] = parseSessions(text);
				const gist = sessionGist(text, session);
				expect(gist?.from).toBe('implementation');
				expect(gist?.text).not.toMatch(/\[\[|\]\]|\]\(/);
				// The first entry, or as much of it as fits, leads.
				const first = entries[0].text;
				const shown = gist?.text.replace(/(; …|…)$/, '') ?? '';
				expect(shown === first || shown.startsWith(`${first}; `) || first.startsWith(shown)).toBe(true);
				// The last entry, unless a generated word made one a `Created …` entry.
				const created = entries.filter((e) => /^created\b/i.test(e.text));
				expect(lastMade(text, [session])).toBe((created.length > 0 ? created : entries)[(created.length > 0 ? created : entries).length - 1].text);
			}),
			{ numRuns: 500 },
		);
	});
});
