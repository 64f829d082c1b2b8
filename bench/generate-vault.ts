/**
 * Synthetic vaults in the seed's layout, for `npm run bench` and the plugin's start-up test:
 * epics `specs/{E}000/epic.md`, features `specs/{E}000/{E}00{F}/spec.md`, tasks
 * `{E}0{F}{T}.spec.md`, each with its context file (a plan and several sessions), deliverables in
 * the feature folder with traceback headers, cross-links between epics, and notes outside specs.
 * Pure and deterministic: the same count gives the same files, byte for byte.
 */

export interface GeneratedVault {
	/** Vault path → text. */
	files: Map<string, string>;
	/** Ids worth measuring: a feature in the middle of the vault, one of its tasks. */
	sampleFeature: string;
	sampleTask: string;
	specs: number;
}

const FEATURES_PER_EPIC = 5;
const TASKS_PER_FEATURE = 4;
/** About one file in 25 is a note outside the specs folder (meeting notes, maps of content). */
const NOTE_SHARE = 0.04;

const WORDS = (
	'storage network mount buffer archive pipeline market data backtest strategy snapshot health ' +
	'monitor cache replica schedule broker latency throughput index ledger export import config ' +
	'service deploy rollout queue worker retry timeout quota report audit tier cold hot'
).split(' ');

/** mulberry32: small, fast, and the same everywhere. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Writer {
	constructor(private readonly rnd: () => number) {}

	int(min: number, max: number): number {
		return min + Math.floor(this.rnd() * (max - min + 1));
	}

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.rnd() * list.length)];
	}

	words(n: number): string {
		const out: string[] = [];
		for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
		return out.join(' ');
	}

	title(): string {
		const w = this.words(this.int(2, 4));
		return w.charAt(0).toUpperCase() + w.slice(1);
	}

	sentence(): string {
		const w = this.words(this.int(8, 16));
		return `${w.charAt(0).toUpperCase()}${w.slice(1)}.`;
	}

	paragraph(lines: number): string {
		const out: string[] = [];
		for (let i = 0; i < lines; i++) out.push(this.sentence());
		return out.join('\n');
	}

	bullets(n: number): string {
		const out: string[] = [];
		for (let i = 0; i < n; i++) out.push(`- ${this.sentence()}`);
		return out.join('\n');
	}

	hash(): string {
		return Math.floor(this.rnd() * 0xfffffff)
			.toString(16)
			.padStart(7, '0');
	}
}

const STATUSES = ['planning', 'implementing', 'implementing', 'completed', 'blocked', 'draft', 'in-progress', 'done'];

interface TaskInfo {
	id: string;
	title: string;
	folder: string;
	deliverables: { path: string; rel: string; title: string; purpose: string; kind: 'scripts' | 'docs' | 'config' }[];
}

/** Date `n` days after 2025-01-01, as YYYY-MM-DD. */
export function day(n: number): string {
	return new Date(Date.UTC(2025, 0, 1) + n * 86400000).toISOString().slice(0, 10);
}

function frontmatter(fields: Record<string, string>, tags: string[]): string {
	const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
	return `---\n${lines.join('\n')}\ntags:\n${tags.map((t) => `  - ${t}`).join('\n')}\n---\n`;
}

function specNote(
	w: Writer,
	o: { id: string; type: string; title: string; status: string; parent: string | null; context: string; created: number; bare: boolean; body: string },
): string {
	const fm = o.bare
		? ''
		: frontmatter(
				{
					id: `"${o.id}"`,
					type: o.type,
					title: o.title,
					status: o.status,
					...(o.parent ? { parent: `"${o.parent}"` } : {}),
					context: `"${o.context}"`,
					created: day(o.created),
					updated: day(o.created + 9),
				},
				['spec', o.type],
			);
	const parentLine = o.parent ? `**Parent**: ${o.parent}  \n` : '';
	return (
		`${fm}# ${o.title}\n\n**Context**: ${o.context}  \n${parentLine}**Status**: ${o.status}  \n` +
		`**Created**: ${day(o.created)} 10:00  \n**Updated**: ${day(o.created + 9)} 11:00\n\n` +
		`## Overview\n${w.paragraph(w.int(3, 6))}\n\n## Requirements\n${w.bullets(w.int(3, 6))}\n\n${o.body}` +
		`## Acceptance Criteria\n- [x] ${w.sentence()}\n- [ ] ${w.sentence()}\n- [ ] ${w.sentence()}\n`
	);
}

function session(w: Writer, n: number, date: number, deliverables: TaskInfo['deliverables'], active: boolean): string {
	const created = deliverables.map((d) => `- Created [[${d.rel}|${d.title}]]`).join('\n');
	const commits = [0, 1, 2].slice(0, w.int(1, 3)).map(() => `- \`${w.hash()}\`: ${w.sentence()}`);
	return (
		`### Session ${n}: ${day(date)} - ${w.title()}\n` +
		`**Duration**: ${active ? 'In progress' : `${w.int(1, 5)}.5 hours`}  \n**Participants**: User, Claude  \n` +
		`**Status**: ${active ? 'active' : 'completed'}  \n**Started**: ${day(date)} 09:30\n\n` +
		`#### Planning\n${w.bullets(w.int(2, 4))}\n\n#### Changes to Spec\n${w.bullets(w.int(1, 2))}\n\n` +
		`#### Implementation\n${w.bullets(w.int(2, 4))}\n${created}\n  \`\`\`bash\n  if [[ -d "$MOUNT" ]]; then echo ok; fi\n  \`\`\`\n\n` +
		`#### Testing\n- ${w.sentence()} ✅\n- ${w.sentence()} ⚠️\n\n#### Commits\n${commits.join('\n')}\n\n` +
		`#### Issues & Resolutions\n- **Issue**: ${w.sentence()}\n- **Resolution**: ${w.sentence()}\n\n`
	);
}

function plan(w: Writer, emoji: boolean): string {
	const states = emoji ? ['✅', '✅', '🔄', '⏳', '⏳', '❌'] : ['[x]', '[x]', '[/]', '[ ]', '[ ]', '[!]', '[-]'];
	const n = w.int(4, 8);
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push(emoji ? `${i + 1}. ${w.pick(states)} ${w.title()}` : `- ${w.pick(states)} ${w.title()}`);
	return out.join('\n');
}

function contextNote(
	w: Writer,
	o: {
		title: string;
		specLink: string;
		parent: string | null;
		status: string;
		created: number;
		deliverables: TaskInfo['deliverables'];
		downstream: string[];
		sessions: number;
		emoji: boolean;
	},
): string {
	const sessions: string[] = [];
	for (let s = 1; s <= o.sessions; s++) {
		// Each session creates its share of the deliverables; the last one is sometimes still open.
		const share = o.deliverables.filter((_, i) => i % o.sessions === s - 1);
		sessions.push(session(w, s, o.created + s * 2, share, s === o.sessions && o.status === 'implementing'));
	}
	const registry = o.deliverables.map((d) => `- [[${d.rel}|${d.title}]] - ${d.purpose}`).join('\n');
	const parentLine = o.parent ? `**Parent**: ${o.parent}  \n` : '';
	return (
		`# Context: ${o.title}\n\n**Spec**: ${o.specLink}  \n${parentLine}**Status**: ${o.status}  \n` +
		`**Created**: ${day(o.created)} 14:30  \n**Updated**: ${day(o.created + 9)} 11:00\n\n` +
		`## Summary\n${w.paragraph(w.int(2, 4))}\n\n## Plan\n${plan(w, o.emoji)}\n\n## Implementation Timeline\n\n${sessions.join('')}` +
		`## Deliverables\n\n${registry === '' ? '' : `${registry}\n`}\n## Dependencies Delivered To\n\n### Downstream Specs\n` +
		`${o.downstream.map((d) => `- ${d} - Uses ${w.words(3)} for ${w.words(4)}`).join('\n')}\n\n` +
		`### Integration Points\n- ${w.title()} Service: \`services/${w.pick(WORDS)}/\` - ${w.words(4)}\n\n` +
		`## Metrics\n\n### Implementation\n- **Total Sessions**: ${o.sessions}\n- **Lines of Code**: +${w.int(50, 900)}, -${w.int(0, 80)}\n\n` +
		`## Notes & Learnings\n\n### Technical Decisions\n${w.bullets(w.int(2, 4))}\n`
	);
}

function deliverableText(w: Writer, d: TaskInfo['deliverables'][number], folder: string, taskId: string, title: string): string {
	const spec = `[[../../${taskId}.spec|${taskId} - ${title}]]`;
	const context = `[[../../${taskId}.context|Implementation Journal]]`;
	if (d.kind === 'docs') {
		return (
			`<!-- Spec: ${spec} -->\n<!-- Context: ${context} -->\n<!-- Purpose: ${d.purpose} -->\n<!-- Created: 2025-08-26 by Claude + User -->\n\n` +
			`# ${d.title}\n\n${w.paragraph(w.int(4, 10))}\n\n## Steps\n${w.bullets(w.int(3, 8))}\n\n\`\`\`bash\nsudo systemctl restart ${w.pick(WORDS)}\n\`\`\`\n`
		);
	}
	// Scripts and config name their spec by vault path, as deliver writes them (no link is followed there).
	const header = `# Generated from: ${folder}/${taskId}.spec.md\n# Context: ${folder}/${taskId}.context.md\n# Purpose: ${d.purpose}\n${d.kind === 'config' ? `# Target: /etc/${w.pick(WORDS)}.conf\n` : ''}# Created: 2025-08-26 by Claude + User\n`;
	if (d.kind === 'config') {
		const lines: string[] = [];
		for (let i = 0, n = w.int(5, 15); i < n; i++) lines.push(`${w.pick(WORDS)}.${w.pick(WORDS)} = ${w.int(1, 65536)}`);
		return `${header}\n${lines.join('\n')}\n`;
	}
	const body: string[] = [];
	for (let i = 0, n = w.int(10, 40); i < n; i++) {
		body.push(i % 7 === 0 ? `# ${w.sentence()}` : i % 5 === 0 ? '' : `${w.pick(['echo', 'mkdir -p', 'grep -q', 'sysctl -w', 'mount'])} ${w.words(2).replace(' ', '-')}`);
	}
	return `#!/bin/bash\n${header}\nset -euo pipefail\n\n${body.join('\n')}\n`;
}

/** A vault of about `target` files (exactly `target` when it is at least a few hundred). */
export function generateVault(target: number, seed = 1014): GeneratedVault {
	const w = new Writer(random(seed));
	const files = new Map<string, string>();
	const filesPerEpic = 2 + FEATURES_PER_EPIC * (3 + TASKS_PER_FEATURE * 5);
	const epics = Math.max(2, Math.round((target * (1 - NOTE_SHARE)) / filesPerEpic));
	const epicIds = Array.from({ length: epics }, (_, i) => `${i + 1}000`);
	const featureId = (e: number, f: number) => `${e}00${f}`;
	const allTasks: TaskInfo[] = [];
	let specs = 0;

	/** Links to features of other epics, as the seed's Downstream Specs list writes them. */
	const downstream = (e: number, n: number): string[] => {
		const out: string[] = [];
		for (let i = 0; i < n; i++) {
			const other = ((e + w.int(1, epics - 1) - 1) % epics) + 1;
			const f = w.int(1, FEATURES_PER_EPIC);
			out.push(`[[../../${epicIds[other - 1]}/${featureId(other, f)}/spec|${featureId(other, f)} - ${w.title()}]]`);
		}
		return out;
	};

	for (let e = 1; e <= epics; e++) {
		const epicId = epicIds[e - 1];
		const epicTitle = w.title();
		const epicFolder = `specs/${epicId}`;
		const featureLinks: string[] = [];
		for (let f = 1; f <= FEATURES_PER_EPIC; f++) {
			const fid = featureId(e, f);
			const folder = `${epicFolder}/${fid}`;
			const featureTitle = w.title();
			featureLinks.push(`- [[${fid}/spec|${featureTitle}]]`);
			const taskLinks: string[] = [];
			const featureDeliverables: TaskInfo['deliverables'] = [
				{ path: `${folder}/deliverables/docs/overview.md`, rel: 'deliverables/docs/overview.md', title: 'Overview', purpose: 'How the parts fit together', kind: 'docs' },
			];
			for (let t = 1; t <= TASKS_PER_FEATURE; t++) {
				const tid = `${e}0${f}${t}`;
				const title = w.title();
				const mk = (kind: 'scripts' | 'docs' | 'config', name: string, label: string) => ({
					path: `${folder}/deliverables/${kind}/${name}`,
					rel: `deliverables/${kind}/${name}`,
					title: label,
					purpose: w.sentence().slice(0, -1),
					kind,
				});
				const task: TaskInfo = {
					id: tid,
					title,
					folder,
					deliverables: [mk('scripts', `${tid}-setup.sh`, 'Setup Script'), mk('docs', `${tid}-guide.md`, 'Guide'), mk('config', `${tid}.conf`, 'Settings')],
				};
				allTasks.push(task);
				taskLinks.push(`- [[${tid}.spec|${tid} - ${title}]]`);
				const status = w.pick(STATUSES);
				const siblings = t > 1 ? `## Dependencies\n- [[${e}0${f}${t - 1}.spec|${e}0${f}${t - 1}]] - ${w.sentence()}\n\n` : '';
				// Every 25th task still lists a script that was deleted: validate has something to find.
				const gone = allTasks.length % 25 === 0 ? `- [[deliverables/scripts/${tid}-old.sh|Old Script]]\n` : '';
				const deliverableList = `## Deliverables\n\n### Scripts\n- [[${task.deliverables[0].rel}|${task.deliverables[0].title}]]\n${gone}\n### Documentation\n- [[${task.deliverables[1].rel}|${task.deliverables[1].title}]]\n\n### Configuration\n- [[${task.deliverables[2].rel}|${task.deliverables[2].title}]]\n\n`;
				const parent = `[[spec|${fid} - ${featureTitle}]]`;
				files.set(
					`${folder}/${tid}.spec.md`,
					// Every seventh task is hand-written: header lines only, no properties.
					specNote(w, {
						id: tid,
						type: 'task',
						title,
						status,
						parent,
						context: `[[${tid}.context|Implementation Journal]]`,
						created: e % 200,
						bare: t === 3 && f % 2 === 0,
						body: siblings + deliverableList,
					}),
				);
				specs++;
				files.set(
					`${folder}/${tid}.context.md`,
					contextNote(w, {
						title,
						specLink: `[[${tid}.spec|${tid} - ${title}]]`,
						parent,
						status,
						created: e % 200,
						deliverables: task.deliverables,
						downstream: epics > 1 ? downstream(e, w.int(1, 3)) : [],
						sessions: w.int(2, 4),
						emoji: t === 2 && f === 3,
					}),
				);
				for (const d of task.deliverables) files.set(d.path, deliverableText(w, d, folder, tid, title));
			}
			const featureStatus = w.pick(STATUSES);
			files.set(
				`${folder}/spec.md`,
				specNote(w, {
					id: fid,
					type: 'feature',
					title: featureTitle,
					status: featureStatus,
					parent: `[[../epic|${epicId} - ${epicTitle}]]`,
					context: '[[context|Implementation Journal]]',
					created: e % 200,
					bare: false,
					body: `## Tasks\n${taskLinks.join('\n')}\n\n## Deliverables\n- [[deliverables/docs/overview.md|Overview]]\n\n`,
				}),
			);
			specs++;
			files.set(
				`${folder}/context.md`,
				contextNote(w, {
					title: featureTitle,
					specLink: `[[spec|${fid} - ${featureTitle}]]`,
					parent: `[[../epic|${epicId} - ${epicTitle}]]`,
					status: featureStatus,
					created: e % 200,
					deliverables: featureDeliverables,
					downstream: epics > 1 ? downstream(e, 2) : [],
					sessions: 2,
					emoji: false,
				}),
			);
			files.set(
				featureDeliverables[0].path,
				`---\nspec: "[[../../spec|${fid} - ${featureTitle}]]"\ncontext: "[[../../context|Implementation Journal]]"\n---\n# Overview\n\n${w.paragraph(6)}\n`,
			);
		}
		const epicStatus = w.pick(STATUSES);
		files.set(
			`${epicFolder}/epic.md`,
			specNote(w, {
				id: epicId,
				type: 'epic',
				title: epicTitle,
				status: epicStatus,
				parent: null,
				context: '[[context|Implementation Journal]]',
				created: e % 200,
				bare: false,
				body: `## Features\n${featureLinks.join('\n')}\n\n`,
			}),
		);
		specs++;
		files.set(
			`${epicFolder}/context.md`,
			contextNote(w, {
				title: epicTitle,
				specLink: `[[epic|${epicId} - ${epicTitle}]]`,
				parent: null,
				status: epicStatus,
				created: e % 200,
				deliverables: [],
				downstream: [],
				sessions: 2,
				emoji: false,
			}),
		);
	}

	// Notes outside the specs folder: meeting notes linking specs by id, journals and deliverables.
	for (let n = 0; files.size < target; n++) {
		const a = w.pick(allTasks);
		const b = w.pick(allTasks);
		files.set(
			`notes/${day(n % 365)} ${w.title()} ${n}.md`,
			`---\ntags:\n  - meeting\n---\n# ${w.title()}\n\n${w.paragraph(3)}\n\n` +
				`- [[${a.id}.spec|${a.id} - ${a.title}]] and its [[${a.id}.context|journal]]\n` +
				`- [[${b.id}-setup.sh|setup script of ${b.id}]], see [[${b.folder}/spec|its feature]]\n` +
				`- [${b.id} guide](../${b.deliverables[1].path})\n${n % 40 === 0 ? `- [[Minutes ${n}]] (never written)\n` : ''}\n${w.bullets(3)}\n`,
		);
	}

	const middle = allTasks[Math.floor(allTasks.length / 2)];
	return { files, sampleFeature: middle.folder.slice(middle.folder.lastIndexOf('/') + 1), sampleTask: middle.id, specs };
}
