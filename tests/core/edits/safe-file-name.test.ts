import { requireSafeName, unsafeNameReason } from '../../../src/core/edits/safe-file-name';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';

describe('unsafeNameReason', () => {
	it.each([
		'nas-health-check.sh',
		'fstab.nas',
		'sysctl.nas.conf',
		'Dockerfile',
		'NAS Setup Guide.md',
		'E01-F01-T04',
		'1014',
		'données.csv',
		'consistency.sh',
		'a'.repeat(255),
		'文'.repeat(85),
		'😀'.repeat(63),
	])('accepts %s', (name) => {
		expect(unsafeNameReason(name)).toBeNull();
	});

	it.each([
		['', /empty/],
		['   ', /empty/],
		['../x.sh', /single name/],
		['/etc/passwd', /single name/],
		['a/b.sh', /single name/],
		['a\\b.sh', /single name/],
		['..', /leave its folder/],
		['.', /leave its folder/],
		['.obsidian', /hidden/],
		['.env', /hidden/],
		['x|y.sh', /"\|"/],
		['what?.md', /"\?"/],
		['a:b', /":"/],
		['notes#1.md', /"#"/],
		['[draft].md', /"\["/],
		['tab\there', /control character/],
		['trailing.', /ends with "\."/],
		[' lead.sh', /space/],
		['con', /reserved device name/],
		['CON.txt', /reserved device name/],
		['lpt1.log', /reserved device name/],
		['a'.repeat(256), /longer than 255/],
		// 103 characters but 303 bytes: file systems count bytes, so the disk would refuse it mid-write.
		['文'.repeat(100) + '.md', /longer than 255 bytes/],
		// An emoji is two UTF-16 units and four bytes: 64 of them are 256 bytes.
		['😀'.repeat(64), /longer than 255 bytes/],
	])('refuses %j', (name, reason) => {
		expect(unsafeNameReason(name)).toMatch(reason);
	});
});

describe('requireSafeName', () => {
	it('throws one line naming what, the name and the problem', () => {
		let error: unknown;
		try {
			requireSafeName('../x.sh', 'deliverable file name');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(WorkflowError);
		expect((error as WorkflowError).code).toBe('unsafe-file-name');
		expect((error as WorkflowError).message).toBe('Unsafe deliverable file name "../x.sh": it must be a single name, without folders ("/" or "\\")');
	});
});
