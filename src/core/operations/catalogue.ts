import { BASE } from './base';
import { CONTEXTS } from './contexts';
import { DECIDE } from './decide';
import { DELIVER } from './deliver';
import { DELIVERABLES } from './deliverables';
import { FINISH } from './finish';
import { COMMIT, RECORD_COMMITS, SESSION_COMMITS } from './git';
import { INIT_AGENT } from './init-agent';
import { LIST } from './list';
import { LOG } from './log';
import { MIGRATE, REVERT } from './migrate';
import { NEW_SPEC, SUGGEST_ID } from './new-spec';
import { NEXT } from './next';
import type { AnyOperation } from './operation';
import { PROPOSAL, PROPOSE } from './propose';
import { RESUME } from './resume';
import { REVIEW, REVIEW_INBOX, SINCE_REVIEW } from './review';
import { START } from './start';
import { OPEN_SPECS, STATUS } from './status';
import { TASK } from './task';
import { VALIDATE } from './validate';

/** Every user operation, once; the CLI's verbs, the plugin's commands and panel buttons run these. */
export const CATALOGUE: readonly AnyOperation[] = [
	START,
	RESUME,
	LOG,
	TASK,
	DELIVER,
	FINISH,
	STATUS,
	OPEN_SPECS,
	DELIVERABLES,
	NEW_SPEC,
	SUGGEST_ID,
	VALIDATE,
	LIST,
	NEXT,
	COMMIT,
	SESSION_COMMITS,
	RECORD_COMMITS,
	MIGRATE,
	REVERT,
	CONTEXTS,
	INIT_AGENT,
	BASE,
	REVIEW,
	SINCE_REVIEW,
	REVIEW_INBOX,
	PROPOSE,
	DECIDE,
	PROPOSAL,
];
