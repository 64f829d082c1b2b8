import fc from 'fast-check';
import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { planMigration } from '../../../src/core/migration/migration-plan';
import { revertMigration } from '../../../src/core/migration/revert-migration';
import { expectMigrationHolds } from './migration-checks';

/**
 * Generated old-layout vaults: epics with features (as folders or flat files) with tasks (as
 * folders or flat files), notes outside linking in, links of every style to every kind of file,
 * some inside code. After apply the issue's invariants hold; revert gives every byte back.
 */
const linkTo = (target: { stem: string; path: string }, from: string, style: number, sub: string, alias: string): string => {
	const rel = relative(from, target.path);
	switch (style % 5) {
		case 0:
			return `[[${target.stem}.spec${sub}${alias ? `|${alias}` : ''}]]`;
		case 1:
			return `[${alias || 'x'}](${rel.replace(/ /g, '%20')}${sub})`;
		case 2:
			return `![[${target.stem}.spec${sub}]]`;
		case 3:
			return `[[${rel.replace(/\.md$/, '')}${sub}${alias ? `|${alias}` : ''}]]`;
		default:
			return `\`\`\`bash\nif [[ -d "$X" ]]; then echo [[${target.stem}.spec]]; fi\n\`\`\``;
	}
};

function relative(from: string, to: string): string {
	const a = from.split('/').slice(0, -1);
	const b = to.split('/');
	let i = 0;
	while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
	return [...Array<string>(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

const vaultArb = fc
	.record({
		epics: fc.array(
			fc.record({
				features: fc.array(fc.record({ folder: fc.boolean(), tasks: fc.array(fc.boolean(), { maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
			}),
			{ minLength: 1, maxLength: 3 },
		),
		links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(4), fc.constantFrom('', '#Goals', '#^b1'), fc.constantFrom('', 'See it')), { maxLength: 25 }),
	})
	.map(({ epics, links }) => {
		const files: Record<string, string> = {};
		const specs: { stem: string; path: string }[] = [];
		epics.forEach((e, ei) => {
			const E = `${ei + 1}000`;
			const ed = `specs/${E}-epic-e${ei}`;
			const epic = { stem: `${E}-epic-e${ei}`, path: `${ed}/${E}-epic-e${ei}.spec.md` };
			specs.push(epic);
			e.features.forEach((f, fi) => {
				const F = `${ei + 1}00${fi + 1}`;
				const stem = `${F}-feature-f${fi}`;
				const fd = f.folder ? `${ed}/${stem}` : ed;
				specs.push({ stem, path: `${fd}/${stem}.spec.md` });
				f.tasks.forEach((taskFolder, ti) => {
					const T = `${ei + 1}0${fi + 1}${ti + 1}`;
					const tstem = `${T}-task-t${ti}`;
					// Tasks of a flat feature file sit beside it; tasks of a feature folder may have folders of their own.
					const td = f.folder && taskFolder ? `${fd}/${tstem}` : fd;
					specs.push({ stem: tstem, path: `${td}/${tstem}.spec.md` });
				});
			});
		});
		const sources = [...specs.map((s) => s.path), 'notes/Linking in.md'];
		const body = new Map<string, string[]>(sources.map((s) => [s, []]));
		for (const [from, to, style, sub, alias] of links) {
			const source = sources[from % sources.length];
			body.get(source)?.push(linkTo(specs[to % specs.length], source, style, sub, alias));
		}
		for (const s of sources) files[s] = `# ${s}\n\n## Goals\nText ^b1\n\n${(body.get(s) ?? []).join('\n\n')}\n`;
		// Flat features need a parent the folder cannot give: their numbering does.
		return files;
	});

test('generated old vaults: invariants after apply, exact revert', async () => {
	await fc.assert(
		fc.asyncProperty(vaultArb, async (files) => {
			const store = new MemoryFileStore(files);
			const plan = planMigration(await readMigrationInput(store, 'specs'));
			expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
			const log = await applyMigration(store, plan, { now: () => new Date('2025-08-28T10:00') });
			expectMigrationHolds(files, store.snapshot(), new Map(log.moves.map((m) => [m.from, m.to] as const)));
			await revertMigration(store, log);
			expect(store.snapshot()).toEqual(new MemoryFileStore(files).snapshot());
		}),
		{ numRuns: 60 },
	);
});
