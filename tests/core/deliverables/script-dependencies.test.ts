import { join } from 'path';
import fc from 'fast-check';
import { BASIC_COMMANDS, scriptDependencies } from '../../../src/core/deliverables/script-dependencies';
import { commandsInOrder } from '../../../src/core/deliverables/shell-commands';
import { readVaultFiles } from '../../helpers/vault-files';

const WALKTHROUGH = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'seed-walkthrough');
const scripts = readVaultFiles(WALKTHROUGH);
const script = (name: string): string => scripts[`specs/1000/1001/deliverables/scripts/${name}`];

describe('scriptDependencies on the walkthrough scripts', () => {
	it("gives the walkthrough report's rows: nc, dd for the health check, dd, time for the benchmark", () => {
		expect(scriptDependencies(script('nas-health-check.sh'))).toEqual(['nc', 'dd']);
		expect(scriptDependencies(script('benchmark.sh'))).toEqual(['dd', 'time']);
	});

	it('gives none for scripts that use only the shell and the base system', () => {
		expect(scriptDependencies(script('directory-setup.sh'))).toEqual([]);
		// sysctl, grep, sed, cmp and install are all on a stock host.
		expect(scriptDependencies(script('optimize-network.sh'))).toEqual([]);
	});
});

describe('scriptDependencies', () => {
	it('lists networked, interpreted and privileged tools, not coreutils or util-linux basics', () => {
		const src = [
			'set -euo pipefail',
			'mkdir -p /tmp/x && cd /tmp/x',
			'curl -fsS "$URL" | jq .items > items.json',
			'rsync -a items.json backup:/srv/',
			'grep -c x items.json | awk "{print $1}" | sed s/x/y/',
			'mount | findmnt -n /mnt; sysctl -n vm.swappiness',
			'sudo systemctl restart app',
			'python3 report.py',
		].join('\n');
		expect(scriptDependencies(src)).toEqual(['curl', 'jq', 'rsync', 'systemctl', 'sudo', 'python3']);
	});

	it('keeps dd and time, the measuring tools, though dd is coreutils and time a keyword', () => {
		expect(BASIC_COMMANDS.has('dd')).toBe(false);
		expect(scriptDependencies('time sleep 1\ndd if=/dev/zero of=/dev/null count=1\n')).toEqual(['time', 'dd']);
	});

	it('is the commands in order of appearance minus the basics (never a basic, never one it does not run)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('nc -z h 1', 'dd if=a', 'time dd', 'mkdir x', 'curl u', 'echo "$(date)"', 'timeout 3 nc h', 'f() { jq .; }', 'f'), { maxLength: 8 }),
				(lines) => {
					const src = lines.join('\n');
					const deps = scriptDependencies(src);
					expect(deps).toEqual(commandsInOrder(src).filter((c) => !BASIC_COMMANDS.has(c)));
					expect(deps.some((d) => BASIC_COMMANDS.has(d))).toBe(false);
				},
			),
		);
	});
});
