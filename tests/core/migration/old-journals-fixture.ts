/**
 * An old-layout vault as people and coding agents keep them over months: `{id}-{type}-{slug}/`
 * folders, dated journals kept apart in `context/` and `plan/` folders (under the specs folder and
 * at the vault root) that name their spec only in their text (`**ID**:`, `**Spec File**:`,
 * `**Spec**:` lines, as bullets too), plain-text paths in header lines, an epic with rich
 * frontmatter and YAML comments, and a feature (3001) whose epic (3000) does not exist.
 */
export const OLD_JOURNALS: Record<string, string> = {
	'specs/1000-epic-foundation/1000-epic-foundation.spec.md': `---
# Owner: platform team (kept by hand)
type: epic   # read as the type
title: Foundation
status: implementing
tags:
  - infra   # storage and network
  - homelab
---
# Epic 1000: Foundation

**Context**: [[1000-epic-foundation.context|Journal]]

## Features
- [[1001-feature-storage/1001-feature-storage.spec|Storage]]
`,
	'specs/1000-epic-foundation/1000-epic-foundation.context.md': `# Context: Foundation

**Spec**: [[1000-epic-foundation.spec|Foundation]]

## Implementation Timeline

### Session 1: 2025-08-15 - Kick-off
- Agreed on the tiers
`,
	'specs/1000-epic-foundation/1001-feature-storage/1001-feature-storage.spec.md': `# Feature 1001: Storage

**Parent**: [[../1000-epic-foundation.spec|Foundation]]

## Tasks
- [[1011-task-hot-storage-nvme.spec|Hot storage]]
- [[1014-task-cold-storage.spec|Cold storage]]
`,
	'specs/1000-epic-foundation/1001-feature-storage/1011-task-hot-storage-nvme.spec.md': `# Task 1011: Hot Storage NVMe

**Parent**: [[1001-feature-storage.spec|Storage]]
**Status**: completed
`,
	'specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md': `# Task 1014: Cold Storage

**Parent**: [[1001-feature-storage.spec|Storage]]
**Context**: specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.context.md
`,
	'specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.context.md': `# Context: Cold Storage

**Spec File**: specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md

## Implementation Timeline

### Session 1: 2025-08-21 - NAS mount
- Mounted the share
`,
	'specs/3001-feature-market-data/3001-feature-market-data.spec.md': `# Feature 3001: Market Data

**Status**: planning

Feeds come later.
`,
	// Names its task in its text only: becomes 1011's context.
	'specs/context/2025-08-20-hot-storage-session.md': `# Hot Storage Session - 2025-08-20

**ID**: 1011-hot-storage-nvme
**Spec File**: specs/1000-epic-foundation/1001-feature-storage/1011-task-hot-storage-nvme.spec.md
**Date**: 2025-08-20

## Work
- Partitioned the NVMe drives
`,
	// Names it in bullets: appended to the journal above, now 1011's context.
	'specs/context/2025-08-22-hot-storage-tuning.md': `# Tuning - 2025-08-22

- **ID**: 1011
- **Spec**: [[1011-task-hot-storage-nvme.spec|Hot storage]]

## Work
- Tuned the queue depth
`,
	// A planning journal at the vault root naming a feature with no context: becomes its context.
	'plan/2025-08-18-storage-planning.md': `# Storage planning

**Spec**: [[specs/1000-epic-foundation/1001-feature-storage/1001-feature-storage.spec|Storage]]

## Plan
- Hot, then cold
`,
	// Names a task that has a context: appended to it.
	'plan/2025-08-19-cold-storage-plan.md': `# Cold storage plan

**Spec File**: specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md

- Pick the NAS
`,
	// Names the epic by id: appended to the epic's context.
	'specs/plan/2025-08-17-foundation-kickoff.md': `# Kick-off notes

- **ID**: 1000

Tiers agreed.
`,
	// Names the feature whose epic is missing, by a plain path.
	'specs/context/2025-08-25-market-data.md': `# Market data - 2025-08-25

**Spec**: specs/3001-feature-market-data/3001-feature-market-data.spec.md

- Picked a feed
`,
	// Names two specs: left where it is.
	'specs/plan/2025-08-26-roadmap.md': `# Roadmap

**Spec**: [[1011-task-hot-storage-nvme.spec]]
**Spec**: [[3001-feature-market-data.spec]]
`,
	// Names none: left where it is.
	'specs/context/2025-08-27-retro.md': `# Retro

Went well.
`,
	// A daily note: not a journal of the specs, whatever it names.
	'journal/2025-08-21.md': `# Thursday

**Spec**: [[1011-task-hot-storage-nvme.spec|Hot storage]]
`,
	'notes/index.md': `# Index

- [[2025-08-20-hot-storage-session|Hot storage session]]
- [Cold plan](../plan/2025-08-19-cold-storage-plan.md)
- [[3001-feature-market-data.spec|Market data]]
`,
};
