import { join } from 'path';

/** The walkthrough's vault as its author keeps it: a numbered ✅/⏳ plan, task 6 with two sub-items, one done. */
export const WALKTHROUGH = join(__dirname, '..', 'fixtures', 'real-vaults', 'seed-walkthrough');

/** The walkthrough's status block for 1014 ("Viewing Status"), verbatim. */
export const WALKTHROUGH_BLOCK = [
	'# Spec 1014: Cold Storage NAS Integration',
	'',
	'## Progress: 71% Complete (5/7 tasks)',
	'',
	'### Completed:',
	'✅ Network buffer optimization',
	'✅ NFS mount configuration',
	'✅ Directory structure creation',
	'✅ Health monitoring script',
	'✅ Performance benchmarking',
	'',
	'### In Progress:',
	'⏳ Documentation (50% complete)',
	'',
	'### Blocked:',
	'❌ None',
	'',
	'### Deliverables Created:',
	'- 4 scripts in deliverables/scripts/',
	'- 2 documents in deliverables/docs/',
	'- 2 configs in deliverables/config/',
	'',
	'### Time Spent:',
	'- Session 1: 2.5 hours (2025-08-26)',
	'- Session 2: 1.5 hours (2025-08-27)',
	'- Total: 4 hours',
	'',
	'### Last Commit: b2c3d4e - "Add performance benchmarking results"',
];

/**
 * What `spec-work status 1014` prints there: the walkthrough's block with the sections printed
 * beyond it (Pending, Acceptance Criteria, Parent, Children) in their places.
 */
export const WALKTHROUGH_STATUS = [
	...WALKTHROUGH_BLOCK.slice(0, 14),
	'### Pending:',
	'⏳ Final validation',
	'',
	...WALKTHROUGH_BLOCK.slice(14, 17),
	'### Acceptance Criteria: 3/4 met',
	'',
	...WALKTHROUGH_BLOCK.slice(17),
	'',
	'### Parent: 1001 - Storage Infrastructure - 83% (10/12 tasks)',
	'',
	'### Children: None',
	'',
].join('\n');
