/**
 * A synthetic vault in the old layouts issue 7 migrates, for `npm run bench`: `{id}-{type}-{slug}/`
 * folders with `.spec.md` files (epic → feature folders → task folders), flat feature and task
 * files beside their parent, contexts beside their spec, journals kept apart in `specs/context/`
 * and `specs/plan/` (some to become a context, some to append to one, one matching nothing), other
 * files in spec folders (scripts with traceback lines, notes, a config example, a binary picture),
 * links of every style (wikilinks with `../`, headings, block refs and aliases, markdown links with
 * `../`, embeds, bash `[[ -d ]]` in code fences), and notes outside the specs folder linking in.
 * The ids follow the seed's numbering (epic X000, feature X00Y, task X0YZ), so flat files find
 * their parent. Pure and deterministic: the same count gives the same files, byte for byte.
 */
import { day, random, Writer } from './generate-vault';

export interface GeneratedOldVault {
	/** Vault path → text. */
	files: Map<string, string>;
	specs: number;
	specsRoot: string;
}

const FEATURES_PER_EPIC = 7;
const TASKS_PER_FEATURE = 6;
/** Binary bytes as Node writes a string: enough for the migration to treat the file as not text. */
const PNG = '\u0089PNG\r\n\u001a\n\u0000\u0000binary';

interface OldSpec {
	id: number;
	stem: string;
	path: string;
	title: string;
}

/** A relative markdown path from one note to another (`../../1000-epic-x/1000-epic-x.spec.md`). */
function relative(from: string, to: string): string {
	const a = from.split('/').slice(0, -1);
	const b = to.split('/');
	let i = 0;
	while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
	return [...Array<string>(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

function slug(w: Writer): string {
	return w.words(w.int(1, 3)).replace(/ /g, '-');
}

function sessions(w: Writer, spec: OldSpec, start: number, count: number): string {
	const out: string[] = [];
	for (let n = 1; n <= count; n++) {
		out.push(
			`### Session ${n}: ${day(start + n)} - ${w.title()}\n**Duration**: ${w.int(1, 4)} hours\n\n` +
				`#### Planning\n${w.bullets(w.int(2, 3))}\n- Read [[${spec.stem}.spec#Steps|the steps]]\n\n` +
				`#### Implementation\n${w.bullets(w.int(2, 4))}\n\`\`\`bash\nif [[ -f "$CONF" ]]; then echo "[[not a link]]"; fi\n\`\`\`\n\n` +
				`#### Testing\n- ${w.sentence()} ✅\n\n#### Commits\n- \`${w.hash()}\`: ${w.sentence()}\n`,
		);
	}
	return out.join('\n');
}

function contextNote(w: Writer, spec: OldSpec, start: number): string {
	return (
		`# Context: ${spec.title}\n\n**Spec**: [[${spec.stem}.spec|${spec.title}]]\n**Status**: implementing\n\n` +
		`## Summary\n${w.paragraph(w.int(2, 3))}\n\n## Implementation Timeline\n\n${sessions(w, spec, start, w.int(2, 3))}`
	);
}

/** About `targetSpecs` specs (rounded to whole epics of 50: one epic, 7 features, 6 tasks each). */
export function generateOldVault(targetSpecs = 1000, seed = 2025): GeneratedOldVault {
	const w = new Writer(random(seed));
	const files = new Map<string, string>();
	const perEpic = 1 + FEATURES_PER_EPIC * (1 + TASKS_PER_FEATURE);
	const epics = Math.max(1, Math.round(targetSpecs / perEpic));
	const all: OldSpec[] = [];
	const tasks: OldSpec[] = [];
	// Task bodies link to tasks of other epics: written once every task has its path.
	const pending: { spec: OldSpec; head: string; tail: string }[] = [];

	for (let e = 1; e <= epics; e++) {
		const E = e * 1000;
		const estem = `${E}-epic-${slug(w)}`;
		const ed = `specs/${estem}`;
		const epic: OldSpec = { id: E, stem: estem, path: `${ed}/${estem}.spec.md`, title: w.title() };
		all.push(epic);
		const featureLines: string[] = [];
		for (let f = 1; f <= FEATURES_PER_EPIC; f++) {
			const F = E + f;
			const fstem = `${F}-feature-${slug(w)}`;
			// The last feature of each epic is a flat file in the epic's folder, its tasks flat beside it.
			const flat = f === FEATURES_PER_EPIC;
			const fd = flat ? ed : `${ed}/${fstem}`;
			const feature: OldSpec = { id: F, stem: fstem, path: `${fd}/${fstem}.spec.md`, title: w.title() };
			all.push(feature);
			featureLines.push(`- [[${flat ? '' : `${fstem}/`}${fstem}.spec|${feature.title}]]`);
			const taskLines: string[] = [];
			for (let t = 1; t <= TASKS_PER_FEATURE; t++) {
				const T = E + f * 10 + t;
				const tstem = `${T}-task-${slug(w)}`;
				const folder = !flat && t % 3 === 1;
				const td = folder ? `${fd}/${tstem}` : fd;
				const task: OldSpec = { id: T, stem: tstem, path: `${td}/${tstem}.spec.md`, title: w.title() };
				all.push(task);
				tasks.push(task);
				taskLines.push(`- [[${folder ? `${tstem}/` : ''}${tstem}.spec|${task.title}]]`);
				const parentLink = `[[${relative(task.path, feature.path).replace(/\.md$/, '')}|${feature.title}]]`;
				const head =
					t % 2 === 0
						? `---\ntype: task\nstatus: ${w.pick(['planning', 'implementing', 'completed'])}\nparent: "${parentLink}"\n---\n# Task ${T}: ${task.title}\n\n`
						: `# Task ${T}: ${task.title}\n\n**Parent**: ${parentLink}\n**Status**: implementing\n${t % 2 === 1 ? `**Context**: [[${tstem}.context|Journal]]\n` : ''}\n`;
				const tail =
					`## Overview\n${w.paragraph(w.int(3, 5))}\n\nSee [the epic](${relative(task.path, epic.path)}#Goals) and [[${fstem}.spec#Tasks|the other tasks]].\n\n` +
					`## Steps\n\`\`\`bash\nif [[ -d "$MOUNT" ]]; then\n  echo "[[not a link]]"\nfi\n\`\`\`\nInline \`[[also not]]\` code. ${w.sentence()}\n\n` +
					`## Acceptance Criteria\n- [ ] ${w.sentence()}\n- [ ] ${w.sentence()}\n\nA paragraph to point at. ^b${T}\n`;
				pending.push({ spec: task, head, tail });
				if (folder) files.set(`${td}/deploy-${T}.sh`, `#!/bin/sh\n# Spec: [[${tstem}.spec|${task.title}]]\nset -e\n[[ -d /srv ]] && echo ${w.words(3)}\n`);
				// Contexts: beside the spec (odd tasks), a dated journal apart (every fourth), a plan journal
				// apart (the sixth, and the third, which also has one beside: the journal is appended).
				if (t % 2 === 1) files.set(`${td}/${tstem}.context.md`, contextNote(w, task, e * 3 + t));
				if (t % 4 === 0)
					files.set(`specs/context/${day(e * 3 + f)}.${tstem}.context.md`, `# Journal: ${task.title}\n\nTried [[${tstem}.spec|the spec]].\n\n${sessions(w, task, e * 3 + f, 2)}`);
				if (t === 3 || t === 6) files.set(`specs/plan/${T}.context.md`, `# ${T} later work\n\n${sessions(w, task, e * 3 + t + 20, 1)}`);
			}
			const parentLink = flat ? `[[${estem}.spec|${epic.title}]]` : `[[../${estem}.spec|${epic.title}]]`;
			const deliverables = flat ? '' : `\n## Deliverables\n- [[setup.sh|Setup script]]\n- [Notes](notes.md)\n- ![[diagram.png]]\n`;
			files.set(
				feature.path,
				`# Feature ${F}: ${feature.title}\n\n**Parent**: ${parentLink}\n**Status**: implementing\n${flat ? '' : `**Context**: [[${fstem}.context|Journal]]\n`}\n` +
					`## Overview\n${w.paragraph(w.int(3, 5))}\n\n## Tasks\n${taskLines.join('\n')}\n${deliverables}`,
			);
			if (flat) {
				files.set(`specs/context/${day(e * 3)}.${fstem}.context.md`, `# Journal: ${feature.title}\n\n${sessions(w, feature, e * 3, 2)}`);
			} else {
				files.set(`${fd}/${fstem}.context.md`, contextNote(w, feature, e * 3 + f));
				files.set(`${fd}/setup.sh`, `#!/bin/bash\n# Spec: [[${fstem}.spec|${feature.title}]]\n# Purpose: ${w.sentence()}\nif [[ -d "$X" ]]; then echo ok; fi\n`);
				files.set(`${fd}/notes.md`, `# ${feature.title} notes\n\nBack to [[${fstem}.spec#Tasks|the tasks]].\n\n${w.paragraph(3)}\n`);
				files.set(`${fd}/config.example`, `# ${w.words(3)}\nhost = ${w.words(1)}.local\nport = ${w.int(1000, 9999)}\n`);
				files.set(`${fd}/diagram.png`, PNG);
			}
		}
		files.set(
			epic.path,
			`${e % 2 ? `---\ntype: epic\ntitle: ${epic.title}\nstatus: implementing\n---\n` : ''}# Epic ${E}: ${epic.title}\n\n` +
				`**Context**: [[${estem}.context|Journal]]\n**Status**: implementing\n\n## Goals\n${w.paragraph(w.int(3, 5))}\n\n## Features\n${featureLines.join('\n')}\n`,
		);
		files.set(`${ed}/${estem}.context.md`, contextNote(w, epic, e * 3));
	}

	// Tasks link to a task of another epic, by name, with a heading and an alias.
	for (const [i, p] of pending.entries()) {
		const other = tasks[(i * 37 + 101) % tasks.length];
		const cross = other === p.spec ? '' : `Depends on [[${other.stem}.spec#Steps|${other.title}]].\n\n`;
		files.set(p.spec.path, `${p.head}${cross}${p.tail}`);
	}
	files.set('specs/plan/ideas.context.md', `# Ideas\n\n${w.paragraph(2)}\n`);

	// Notes outside the specs folder: one per epic, linking in every style.
	for (let e = 0; e < epics; e++) {
		const path = `notes/Epic ${e + 1} overview.md`;
		const pick = (k: number) => all[(e * 53 + k * 17) % all.length];
		const lines = [
			`- [[${pick(1).stem}.spec|${pick(1).title}]]`,
			`- [[${pick(2).path.replace(/\.md$/, '')}#Overview|${pick(2).title}]]`,
			`- [${pick(3).title}](${relative(path, pick(3).path).replace(/ /g, '%20')})`,
			`- [[${tasks[(e * 29) % tasks.length].stem}.spec#^b${tasks[(e * 29) % tasks.length].id}]]`,
			`- ![[${pick(5).stem}.spec#Overview]]`,
		];
		files.set(path, `# Epic ${e + 1} overview\n\n${w.paragraph(2)}\n\n${lines.join('\n')}\n`);
	}
	files.set('README.md', `See [the first epic](${all[0].path}).\n`);
	return { files, specs: all.length, specsRoot: 'specs' };
}
