import { rmSync } from 'fs';

/** Removes the index cache folder global-setup.ts gave this run. */
export default function removeTestCache(): void {
	const dir = process.env.SPEC_WORK_CACHE_DIR;
	if (dir !== undefined && dir.includes('spec-work-test-cache-')) rmSync(dir, { recursive: true, force: true });
}
