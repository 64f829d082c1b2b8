import { CliRun, spawnCliAsync, TempVault } from '../helpers/cli-process';

/**
 * Many spec-work processes writing one vault at once: every call that says it wrote something
 * must have written it (docs/cli.md, "When two writers meet").
 */
const CONTEXT = 'specs/1000/1001/1014.context.md';
const SPEC = 'specs/1000/1001/1014.spec.md';
const WRITERS = 20;
const ROUNDS = 10;
/** Twenty Node processes take turns; on a busy 2-core machine a round can take 15 s. */
const SLOW_MACHINE_MS = 120_000;

function occurrences(text: string, needle: string): number {
	return text.split(needle).length - 1;
}

function numbered(count: number): string[] {
	return Array.from({ length: count }, (_, n) => String(n + 1).padStart(2, '0'));
}

/** Each call's exit code and stderr, so a failure shows which process said what. */
function outcomes(runs: CliRun[]): string[] {
	return runs.map((r) => `${r.code} ${r.stderr}`);
}

describe('parallel writers on one vault', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
		expect(vault.run(['start', '1014', '--title', 'Parallel work']).code).toBe(0);
	});
	afterEach(() => vault.cleanup());

	for (let round = 1; round <= ROUNDS; round++) {
		it(
			`${WRITERS} log calls at once each land exactly once (round ${round} of ${ROUNDS})`,
			async () => {
				const entries = numbered(WRITERS).map((n) => `parallel entry ${n} of round ${round}`);
				const runs = await Promise.all(entries.map((e) => spawnCliAsync(['log', '1014', 'implementation', e], { cwd: vault.dir })));
				expect(outcomes(runs)).toEqual(runs.map(() => '0 '));
				for (const r of runs) expect(r.stdout).toBe(`Logged to session 3 › Implementation\nWrote ${CONTEXT}\n`);
				const context = vault.files()[CONTEXT];
				const counts = entries.map((e) => `${e}: ${occurrences(context, `- ${e}\n`)}`);
				expect(counts).toEqual(entries.map((e) => `${e}: 1`));
				expect(vault.files()['.spec-work.lock']).toBeUndefined();
			},
			SLOW_MACHINE_MS,
		);
	}

	it(
		'deliver, task and log at once: every registry entry, task state and log entry is there',
		async () => {
			const docs = numbered(6);
			const logs = numbered(8).map((n) => `mixed log entry ${n}`);
			const runs = await Promise.all([
				...docs.map((n) =>
					spawnCliAsync(['deliver', '1014', '--type', 'docs', '--file', `mixed-${n}.md`, '--title', `Mixed ${n}`, '--purpose', `Purpose ${n}`, '--stdin'], {
						cwd: vault.dir,
						input: `# Mixed ${n}\n\nBody ${n}.\n`,
					}),
				),
				spawnCliAsync(['task', '1014', '6', 'done'], { cwd: vault.dir }),
				spawnCliAsync(['task', '1014', '7', 'in-progress'], { cwd: vault.dir }),
				...logs.map((e) => spawnCliAsync(['log', '1014', 'testing', e], { cwd: vault.dir })),
			]);
			expect(outcomes(runs)).toEqual(runs.map(() => '0 '));
			const files = vault.files();
			const context = files[CONTEXT];
			const spec = files[SPEC];
			for (const n of docs) {
				const link = `[[deliverables/docs/mixed-${n}.md|Mixed ${n}]]`;
				expect(files[`specs/1000/1001/deliverables/docs/mixed-${n}.md`]).toContain(`# Mixed ${n}\n\nBody ${n}.\n`);
				expect([occurrences(context, `- ${link} - Purpose ${n} \`hash:`), occurrences(context, `- Created ${link}\n`), occurrences(spec, `- ${link}\n`)]).toEqual([1, 1, 1]);
			}
			expect(context).toContain('- [x] Documentation\n- [/] Final validation\n');
			for (const e of logs) expect(occurrences(context, `- ${e}\n`)).toBe(1);
		},
		SLOW_MACHINE_MS,
	);
});
