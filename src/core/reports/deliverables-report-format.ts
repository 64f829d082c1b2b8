import { basename } from '../files/paths';
import { specHeadingTitle } from '../templates/spec-templates';
import type { DeliverablesReport, ReportDeliverable } from './deliverables-report';
import { formatQualityFigure } from './deliverables-quality';
import type { SpecUsage } from './spec-usage';
import { linkTo, Workspace } from '../workspace/workspace';

const TYPE_HEADINGS: Record<string, string> = { scripts: 'Scripts', docs: 'Documentation', config: 'Configuration' };

/** `Scripts`, `Documentation`, `Configuration`; a custom type `data-sets` → `Data Sets`. */
export function typeHeading(type: string): string {
	return (
		TYPE_HEADINGS[type] ??
		type
			.split(/[-_\s]+/)
			.filter((w) => w !== '')
			.map((w) => w[0].toUpperCase() + w.slice(1))
			.join(' ')
	);
}

/** `867B`, `2.3KB`, `1.5MB`: one decimal above a kilobyte, as the report's Size column reads. */
export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes}B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)}KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)}MB`;
}

/**
 * The deliverables report as markdown (docs/cli.md, `deliverables`). With `ws` and `sourcePath` (where the note will
 * live), file names and specs are links in the workspace's link style relative to that note;
 * without them, plain names.
 */
export function formatDeliverablesReport(report: DeliverablesReport, ws?: Workspace, sourcePath?: string): string {
	const link = (path: string, alias: string): string => (ws && sourcePath ? linkTo(ws, sourcePath, path, alias) : alias);
	const fileCell = (d: ReportDeliverable): string => fileName(d, link);
	const out: string[] = [`# Deliverables Report: Spec ${report.id}`, '', '## Created Artifacts', ''];

	const types = [...new Set(report.deliverables.map((d) => d.type))];
	if (types.length === 0) out.push('No deliverables yet.', '');
	for (const type of types) {
		const items = report.deliverables.filter((d) => d.type === type);
		out.push(`### ${typeHeading(type)} (${items.length})`);
		const size = (d: ReportDeliverable) => (d.bytes === null ? 'missing' : formatSize(d.bytes));
		const purpose = (d: ReportDeliverable) => cell(d.purpose ?? '—');
		if (type === 'scripts') {
			out.push('| File | Purpose | Size | Dependencies |', '|------|---------|------|--------------|');
			for (const d of items) {
				const deps = !d.exists || !d.dependenciesScanned ? '—' : d.dependencies.length > 0 ? d.dependencies.join(', ') : 'None';
				out.push(`| ${fileCell(d)} | ${purpose(d)} | ${size(d)} | ${deps} |`);
			}
		} else if (type === 'docs') {
			out.push('| File | Purpose | Format | Pages |', '|------|---------|--------|-------|');
			for (const d of items) out.push(`| ${fileCell(d)} | ${purpose(d)} | ${d.format} | ${d.pages ?? '—'} |`);
		} else if (type === 'config') {
			out.push('| File | Purpose | Target Location |', '|------|---------|-----------------|');
			for (const d of items) out.push(`| ${fileCell(d)} | ${purpose(d)} | ${cell(d.target ?? '—')} |`);
		} else {
			out.push('| File | Purpose | Size | Lines |', '|------|---------|------|-------|');
			for (const d of items) out.push(`| ${fileCell(d)} | ${purpose(d)} | ${size(d)} | ${d.lines ?? '—'} |`);
		}
		out.push('');
	}

	out.push('## Usage by Other Specs', '');
	const specs = report.usedBy.filter((u) => u.kind === 'spec' || u.missing);
	const notes = report.usedBy.filter((u) => u.kind === 'note' && !u.missing);
	const usage = (u: SpecUsage): string[] => {
		const name = u.id === null ? u.title : specHeadingTitle(u.id, u.title);
		const lines = [`- ${u.missing ? `${name} (link resolves nowhere)` : link(u.path, name)}`];
		if (u.usesLabel) lines.push(`  - Uses: ${u.usesLabel}`);
		for (const purpose of u.purposes) lines.push(`  - Purpose: ${purpose}`);
		return lines;
	};
	const group = (heading: string, items: SpecUsage[]) => {
		if (items.length === 0) return;
		out.push(`### ${heading} (${items.length})`);
		items.forEach((u, i) => {
			if (i > 0) out.push('');
			out.push(...usage(u));
		});
		out.push('');
	};
	if (report.usedBy.length === 0) out.push('No other spec or note links to this spec or its deliverables.', '');
	group('Direct Dependencies', specs);
	group('Referenced in Notes', notes);
	if (report.integrationPoints.length > 0) {
		out.push(`### Integration Points (${report.integrationPoints.length})`);
		for (const p of report.integrationPoints) {
			out.push(`- ${p.name}${p.location ? ` (\`${p.location}\`)` : ''}${p.note ? ` → ${p.note}` : ''}`);
		}
		out.push('');
	}

	const s = report.statistics;
	out.push('## Metrics', '', '### Code Statistics', `- Total Lines: ${s.totalLines}`);
	for (const [type, lines] of Object.entries(s.byType)) out.push(`- ${typeHeading(type)}: ${lines} lines`);
	out.push(`- Comments: ${s.commentLines}`, `- Blank Lines: ${s.blankLines}`);
	const q = report.quality;
	out.push('', '### Quality Metrics');
	if (report.deliverables.some((d) => d.type === 'scripts')) out.push(`- Scripts tested: ${formatQualityFigure(q.scriptsTested)}`);
	if (report.deliverables.some((d) => d.type === 'docs')) out.push(`- Documentation reviewed: ${formatQualityFigure(q.docsReviewed)}`);
	out.push(`- Integration tests passed: ${formatQualityFigure(q.integrationTestsPassed)}`);

	const problems: string[] = [];
	for (const path of report.missing) problems.push(`- Missing file: \`${path}\` is registered but not there`);
	for (const path of report.withoutTraceback) {
		problems.push(`- No traceback header: ${link(path, basename(path))} has no \`Generated from:\` line (or \`spec\` property)`);
	}
	for (const u of report.usedBy) if (u.missing) problems.push(`- Downstream spec link resolves nowhere: \`${u.path}\``);
	if (problems.length > 0) out.push('', '## Problems', ...problems);
	return out.join('\n') + '\n';
}

/** A deliverable's File cell: its name (a link when it exists), marked when missing or changed since review. */
function fileName(d: ReportDeliverable, link: (path: string, alias: string) => string): string {
	if (!d.exists) return `${cell(basename(d.path))} (missing)`;
	return cell(link(d.path, basename(d.path))) + (d.drift === 'changed' ? ' (changed since review)' : '');
}

/** Text safe inside a table cell: one line, pipes escaped (a wikilink's alias pipe too, as Obsidian requires). */
function cell(text: string): string {
	return text.replace(/\s*\r?\n\s*/g, ' ').replace(/\\?\|/g, '\\|');
}
