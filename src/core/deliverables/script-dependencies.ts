import { commandsInOrder } from './shell-commands';

/**
 * The Dependencies column of the deliverables report: the tools someone must have, or must trust,
 * to run a script — not every command it runs. A script that needs nothing beyond a stock Linux
 * host says `None`.
 *
 * The rule: every external command the script runs is a dependency unless it is one of the
 * BASIC_COMMANDS below (shell builtins and keywords are never commands). The basics are what
 * every Linux host has before anything is installed: GNU coreutils, util-linux's mount and disk
 * tools, findutils, diffutils, grep, sed, awk, procps (sysctl, ps), tar and gzip. So `nc`, `curl`,
 * `rsync`, `jq`, `python3`, `ssh`, `systemctl` and `sudo` are listed, and so are two tools the
 * basics leave out on purpose:
 * - `dd` (coreutils): scripts use it to move or measure raw blocks, their numbers rest on it,
 *   and the flags they need (`oflag=direct`, `conv=fsync`, `status=none`) are GNU's, missing from
 *   BusyBox and BSD dd;
 * - `time` (the shell keyword or /usr/bin/time): it is the measurement itself.
 * Listed in the order they first appear in the script, a wrapper after what it wraps (`dd, time`).
 */
export const BASIC_COMMANDS: ReadonlySet<string> = new Set([
	// coreutils (all but dd)
	'[', 'arch', 'b2sum', 'base32', 'base64', 'basename', 'basenc', 'cat', 'chcon', 'chgrp', 'chmod', 'chown', 'chroot',
	'cksum', 'comm', 'cp', 'csplit', 'cut', 'date', 'df', 'dir', 'dircolors', 'dirname', 'du', 'echo', 'env', 'expand',
	'expr', 'factor', 'false', 'fmt', 'fold', 'groups', 'head', 'hostid', 'id', 'install', 'join', 'link', 'ln', 'logname',
	'ls', 'md5sum', 'mkdir', 'mkfifo', 'mknod', 'mktemp', 'mv', 'nice', 'nl', 'nohup', 'nproc', 'numfmt', 'od', 'paste',
	'pathchk', 'pr', 'printenv', 'printf', 'ptx', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'seq', 'sha1sum',
	'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'shred', 'shuf', 'sleep', 'sort', 'split', 'stat', 'stdbuf',
	'stty', 'sum', 'sync', 'tac', 'tail', 'tee', 'test', 'timeout', 'touch', 'tr', 'true', 'truncate', 'tsort', 'tty',
	'uname', 'unexpand', 'uniq', 'unlink', 'users', 'vdir', 'wc', 'who', 'whoami', 'yes',
	// util-linux
	'mount', 'umount', 'mountpoint', 'findmnt', 'lsblk', 'blkid', 'logger', 'flock', 'getopt', 'column', 'rev', 'setsid',
	'more', 'renice',
	// findutils, diffutils, grep, sed, awk
	'find', 'xargs', 'cmp', 'diff', 'grep', 'egrep', 'fgrep', 'sed', 'awk',
	// procps and the rest of a base system
	'sysctl', 'ps', 'pgrep', 'pkill', 'pidof', 'free', 'uptime', 'hostname', 'getent', 'which', 'tar', 'gzip', 'gunzip',
	'zcat', 'sh', 'bash',
]);

/** The script's dependencies by the rule above; an empty list reads `None`. */
export function scriptDependencies(script: string): string[] {
	return commandsInOrder(script).filter((command) => !BASIC_COMMANDS.has(command));
}
