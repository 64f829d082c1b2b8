import { contextTemplate, sessionTemplate } from '../../../src/core/templates/context-template';
import { specTemplate } from '../../../src/core/templates/spec-templates';

/** Each approved file in __approved__/ and the call that must produce it byte for byte. */
export const APPROVED: Record<string, () => string> = {
	'epic.md': () => specTemplate({ id: '1000', type: 'epic', title: 'Foundation', created: '2025-08-26 14:30', contextLink: '[[context|Implementation Journal]]' }),
	'feature-spec.md': () =>
		specTemplate({
			id: '1001',
			type: 'feature',
			title: 'Storage Infrastructure',
			created: '2025-08-26 14:30',
			contextLink: '[[context|Implementation Journal]]',
			parentLink: '[[../epic|1000 - Foundation]]',
			overview: 'Hot, warm and cold storage tiers for market data.',
		}),
	'task-1014.spec.md': () =>
		specTemplate({
			id: '1014',
			type: 'task',
			title: 'Cold Storage NAS',
			created: '2025-08-26 14:30',
			contextLink: '[[1014.context|Implementation Journal]]',
			parentLink: '[[spec|1001 - Storage Infrastructure]]',
		}),
	'task-markdown-links.spec.md': () =>
		specTemplate({
			id: 'E01-F01-T04',
			type: 'task',
			title: 'Retry: network "blips"',
			created: '2025-09-01 09:05',
			contextLink: '[Implementation Journal](E01-F01-T04.context.md)',
			parentLink: '[E01-F01 - Sync](spec.md)',
			status: 'implementing',
			tags: ['spec/task', 'network'],
		}),
	'context-1014.context.md': () =>
		contextTemplate({
			title: 'Cold Storage (NAS) Integration',
			specLink: '[[1014.spec|1014 - Cold Storage NAS]]',
			parentLink: '[[spec|1001 - Storage Infrastructure]]',
			created: '2025-08-26 14:30',
			summary: 'Implementing NAS integration for 28TB cold storage tier with optimized NFS configuration.',
		}),
	// A spec kept without properties: the journal is the seed's step-1 file, header lines alone.
	'context-1014-header-lines.context.md': () =>
		contextTemplate({
			title: 'Cold Storage (NAS) Integration',
			specLink: '[[1014.spec|1014 - Cold Storage NAS]]',
			parentLink: '[[spec|1001 - Storage Infrastructure]]',
			created: '2025-08-26 14:30',
			summary: 'Implementing NAS integration for 28TB cold storage tier with optimized NFS configuration.',
			frontmatter: false,
		}),
	'context-epic.md': () => contextTemplate({ title: 'Foundation', specLink: '[[epic|1000 - Foundation]]', created: '2025-08-26 14:30' }),
	'session.md': () => sessionTemplate({ number: 1, date: '2025-08-26', title: 'Initial Planning', participants: 'User, Claude', started: '2025-08-26 14:30' }),
	'session-planning.md': () =>
		sessionTemplate({ number: 1, date: '2025-08-26', title: 'Initial Planning', participants: 'User, Claude', started: '2025-08-26 14:30', subsections: ['Planning'] }),
};
