import fc from 'fast-check';
import { commandsInOrder, externalCommands, isShellScript } from '../../../src/core/deliverables/shell-commands';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

const scripts = readVaultFiles(EXAMPLE_VAULT);
const script = (name: string): string => scripts[`specs/1000/1001/deliverables/scripts/${name}`];

describe('externalCommands on the example scripts', () => {
	it('finds nc and dd in the health check, behind timeout and inside conditions', () => {
		expect(externalCommands(script('nas-health-check.sh'))).toEqual(['date', 'dd', 'df', 'findmnt', 'mkdir', 'mountpoint', 'nc', 'rm', 'tail', 'timeout', 'tr']);
	});

	it('finds dd and time in the benchmark, not its functions, awk programs or array items', () => {
		expect(externalCommands(script('benchmark.sh'))).toEqual(['awk', 'date', 'dd', 'findmnt', 'mkdir', 'mountpoint', 'rm', 'seq', 'sync', 'time', 'uname']);
	});

	it('follows command substitutions, process substitutions and here-strings', () => {
		expect(externalCommands(script('optimize-network.sh'))).toEqual(['cmp', 'dirname', 'grep', 'install', 'sed', 'sysctl']);
		expect(externalCommands(script('directory-setup.sh'))).toEqual(['install', 'mountpoint']);
	});
});

describe('externalCommands', () => {
	it('takes the first word of each command of a list or pipeline', () => {
		expect(externalCommands('ls -l | grep x && wc -l; sort & uniq || head\n')).toEqual(['grep', 'head', 'ls', 'sort', 'uniq', 'wc']);
	});

	it('skips builtins, keywords, assignments, variables and functions defined anywhere in the file', () => {
		const src = [
			'set -e',
			'X=1 Y="$(hostname)" curl "$URL"',
			'$CMD --flag',
			'"$@"',
			'helper',
			'if [[ -n "$X" ]]; then echo yes; elif true; then :; else printf x; fi',
			'while read -r line; do jq . <<< "$line"; done < input.txt',
			'helper() { rsync -a "$1" /backup; }',
			'function other { ssh host; }',
			'other',
		].join('\n');
		expect(externalCommands(src)).toEqual(['curl', 'hostname', 'jq', 'rsync', 'ssh']);
	});

	it('reads no commands from comments, strings, here-documents, arithmetic or redirect targets', () => {
		const src = [
			'# rm -rf / would be bad',
			'echo \'curl | wget; nc\' "$(( 1 + 2 ))" > out.log 2>&1',
			'cat <<EOF',
			'wget http://example.com',
			'EOF',
			'(( n > 0 )) && tar -cf x.tar .',
			"cat <<-'END'",
			'\tscp a b',
			'\tEND',
		].join('\n');
		expect(externalCommands(src)).toEqual(['cat', 'tar']);
	});

	it('reads case bodies but not case patterns, for lists but not for words', () => {
		const src = [
			'case "$1" in',
			'  start|run) systemctl start x ;;',
			'  stop) pkill -f x ;;',
			'  "") ;;',
			'  *) logger "?" ;;',
			'esac',
			'for f in cp mv ln; do gzip "$f"; done',
			'for ((i = 0; i < 3; i++)); do sleep 1; done',
		].join('\n');
		expect(externalCommands(src)).toEqual(['gzip', 'logger', 'pkill', 'sleep', 'systemctl']);
	});

	it('follows wrappers to the command they run', () => {
		const src =
			'sudo -u root apt-get update\nenv LANG=C sort f\ntimeout -s KILL 5 ping -c1 h\nnohup ./server.sh &\nexec /usr/bin/python3 x.py\ncommand -v git >/dev/null\nxargs -I {} convert {}\n';
		expect(externalCommands(src)).toEqual(['apt-get', 'convert', 'env', 'nohup', 'ping', 'python3', 'server.sh', 'sort', 'sudo', 'timeout', 'xargs']);
	});

	it('handles backticks, line continuations and CRLF line ends', () => {
		expect(externalCommands('V=`whoami`\r\nfind . \\\r\n  -name x | \\\n  xz\r\n')).toEqual(['find', 'whoami', 'xz']);
	});

	it('never throws on arbitrary text and returns sorted unique names', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '(', ')', '$', '"', "'", '`', '|', ';', '&', '<', '>', '#', '\\', '{', '}', '=', '[', ']') }), (src) => {
				const out = externalCommands(src);
				expect(out).toEqual([...new Set(out)].sort());
			}),
		);
	});
});

describe('isShellScript', () => {
	it('knows shell scripts by extension or shebang', () => {
		expect(isShellScript('x.sh', '')).toBe(true);
		expect(isShellScript('x', '#!/usr/bin/env bash\n')).toBe(true);
		expect(isShellScript('x', '#!/bin/sh\n')).toBe(true);
		expect(isShellScript('x.py', '#!/usr/bin/env python3\n')).toBe(false);
		expect(isShellScript('x', 'echo hi\n')).toBe(false);
	});
});

describe('commandsInOrder', () => {
	it('lists commands where they first appear, substitutions included, a wrapper after what it wraps', () => {
		expect(commandsInOrder('X="$(date)"\nif nc -z h 1; then :; fi\n{ time dd if=a ; } 2>&1\nsudo timeout 3 dd\ntime\n')).toEqual(['date', 'nc', 'dd', 'time', 'timeout', 'sudo']);
	});

	it('holds the same names as externalCommands', () => {
		for (const name of ['nas-health-check.sh', 'benchmark.sh', 'optimize-network.sh', 'directory-setup.sh']) {
			expect([...commandsInOrder(script(name))].sort()).toEqual(externalCommands(script(name)));
		}
	});
});
