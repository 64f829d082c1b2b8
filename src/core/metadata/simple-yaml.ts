/**
 * A fast path for the frontmatter real vaults have: top-level `key: value` lines with plain,
 * single-quoted or double-quoted (no escapes) scalars, empty values, `# comments`, block lists of
 * such scalars and one-line flow lists (`[a, b]`). For every text it accepts it gives exactly what
 * the `yaml` package gives with the core schema (tests/core/metadata/simple-yaml.test.ts checks
 * this against `yaml` by property); anything else, every error included, it declines, and the
 * full parser runs. Parsing the YAML of thousands of specs was most of the time an index build took.
 *
 * It also declines plain values whose type YAML parsers disagree on (`012`, `1_000`, `0b1`, `1:30`,
 * timestamps with a time, impossible dates), so that in main.js, where the full parser is
 * Obsidian's parseYaml, taking the fast path never changes what a file reads as.
 */

/** What was read, boxed so that an empty document (`null`) differs from "declined". */
export interface SimpleYaml {
	value: unknown;
}

/** Returned by the readers below for anything this path leaves to the full parser. */
const DECLINE = Symbol('decline');
const SPACE = 0x20;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

// Tabs, CR, control and format characters, BOMs, line/paragraph separators, lone surrogates:
// all legal or meaningful somewhere in YAML, none in the frontmatter this path is for.
const UNSAFE_CHAR = /[^\n\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]/u;
const KEY =
	/^[A-Za-z_\u00C0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}][-A-Za-z0-9_. \u00C0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
// Keys the core schema would type (and the JS object would then stringify) or that touch the prototype.
const TYPED_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
// A plain scalar may not start with an indicator; `-` is handled on its own (`-5`, `-x` are plain).
const INDICATORS = '?:,[]{}#&*!|>\'"%@`';

// The core schema's types, in its order (yaml/dist/schema/core): null, bool, int (octal, decimal, hex), float.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN_INF = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
// Decimal numbers every parser reads the same: no leading zeros, underscores or a sign before a bare `.5`.
const DECIMAL_INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
const DECIMAL_FLOAT = /^(?:[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
// Anything else a YAML 1.1 or js-yaml reader could take for a number (`012`, `1_000`, `+0x1F`, `0b101`, `1:30`).
const NUMBERISH =
	/^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN)|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]| +)[0-9]{1,2}:[0-9]{2}:[0-9]{2}/;

/** The value of `source` when it is simple frontmatter, else null (then use the full parser). */
export function parseSimpleYaml(source: string): SimpleYaml | null {
	if (UNSAFE_CHAR.test(source)) return null;
	const out: Record<string, unknown> = {};
	let empty = true;
	// A key with an empty value, until the next line says whether a block list follows.
	let pendingKey: string | null = null;
	let list: unknown[] | null = null;
	let listIndent = 0;
	let start = 0;
	while (start <= source.length) {
		let end = source.indexOf('\n', start);
		if (end < 0) end = source.length;
		const line = source.slice(start, end);
		start = end + 1;
		let i = 0;
		while (line.charCodeAt(i) === SPACE) i++;
		if (i === line.length || line[i] === '#') continue;
		if (pendingKey !== null) {
			if (isItem(line, i)) {
				list = [];
				listIndent = i;
				out[pendingKey] = list;
			} else if (i > 0) return null;
			pendingKey = null;
		}
		if (list !== null) {
			if (i === listIndent && isItem(line, i)) {
				const item = readItem(line, i + 1);
				if (item === DECLINE) return null;
				list.push(item);
				continue;
			}
			list = null;
		}
		// An indented line here continues a scalar or opens a nested mapping: not simple.
		if (i > 0) return null;
		const colon = line.indexOf(':');
		if (colon <= 0 || (colon + 1 < line.length && line[colon + 1] !== ' ')) return null;
		const key = line.slice(0, colon);
		// YAML limits an implicit key to 1024 characters.
		if (key.length > 1000 || key.endsWith(' ') || !KEY.test(key) || TYPED_KEY.test(key)) return null;
		if (Object.prototype.hasOwnProperty.call(out, key)) return null;
		empty = false;
		let j = colon + 1;
		while (line.charCodeAt(j) === SPACE) j++;
		if (j === line.length || line[j] === '#') {
			out[key] = null;
			pendingKey = key;
			continue;
		}
		const value = line[j] === '[' ? readFlowList(line, j) : readScalar(line, j);
		if (value === DECLINE) return null;
		out[key] = value;
	}
	return { value: empty ? null : out };
}

/** `-` followed by a space or the end of the line. */
function isItem(line: string, i: number): boolean {
	return line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ');
}

/** A block list item's value, from just past its `-`. */
function readItem(line: string, from: number): unknown {
	let j = from;
	while (line.charCodeAt(j) === SPACE) j++;
	if (j === line.length || line[j] === '#') return null;
	// `- [a, b]` is a list in the list: readScalar declines it, as it starts with an indicator.
	return readScalar(line, j);
}

/** A one-line scalar starting at `j` and running to the end of the line (or a ` # comment`). */
function readScalar(line: string, j: number): unknown {
	const q = line[j];
	if (q === '"' || q === "'") {
		const quoted = readQuoted(line, j);
		if (quoted === null || !endsLine(line, quoted.end)) return DECLINE;
		return quoted.value;
	}
	const hash = line.indexOf(' #', j);
	let end = hash < 0 ? line.length : hash;
	while (end > j && line.charCodeAt(end - 1) === SPACE) end--;
	const text = line.slice(j, end);
	if (text.includes('#') || text.includes(': ') || text.endsWith(':')) return DECLINE;
	return plainValue(text);
}

/** `'…'` (with `''` for a quote) or `"…"` without escapes, on one line. */
function readQuoted(line: string, j: number): { value: string; end: number } | null {
	const q = line[j];
	if (q === '"') {
		const close = line.indexOf('"', j + 1);
		if (close < 0) return null;
		const value = line.slice(j + 1, close);
		return value.includes('\\') ? null : { value, end: close + 1 };
	}
	let value = '';
	let k = j + 1;
	for (;;) {
		const close = line.indexOf("'", k);
		if (close < 0) return null;
		value += line.slice(k, close);
		if (line[close + 1] !== "'") return { value, end: close + 1 };
		value += "'";
		k = close + 2;
	}
}

/** Only spaces, or spaces then a `# comment`, from `k` on. */
function endsLine(line: string, k: number): boolean {
	let i = k;
	while (line.charCodeAt(i) === SPACE) i++;
	return i === line.length || (line[i] === '#' && i > k);
}

/** `[a, 'b', "c"]` on one line; no nesting, no empty items (nor a trailing comma), no `:` or `#` inside plain items. */
function readFlowList(line: string, j: number): unknown {
	const items: unknown[] = [];
	let k = j + 1;
	while (line.charCodeAt(k) === SPACE) k++;
	if (line[k] === ']') return endsLine(line, k + 1) ? items : DECLINE;
	for (;;) {
		while (line.charCodeAt(k) === SPACE) k++;
		const q = line[k];
		if (q === '"' || q === "'") {
			const quoted = readQuoted(line, k);
			if (quoted === null) return DECLINE;
			items.push(quoted.value);
			k = quoted.end;
		} else {
			let end = k;
			while (end < line.length && line[end] !== ',' && line[end] !== ']') end++;
			let last = end;
			while (last > k && line.charCodeAt(last - 1) === SPACE) last--;
			const text = line.slice(k, last);
			if (text === '' || /[[\]{}:#]/.test(text)) return DECLINE;
			const value = plainValue(text);
			if (value === DECLINE) return DECLINE;
			items.push(value);
			k = end;
		}
		while (line.charCodeAt(k) === SPACE) k++;
		if (line[k] === ']') return endsLine(line, k + 1) ? items : DECLINE;
		if (line[k] !== ',') return DECLINE;
		k++;
	}
}

/** A plain scalar's value under the core schema, or DECLINE when it is not simple. */
function plainValue(text: string): unknown {
	const first = text[0];
	if (INDICATORS.includes(first)) return DECLINE;
	if (first === '-' && (text.length === 1 || text[1] === ' ')) return DECLINE;
	if (NULL.test(text)) return null;
	if (TRUE.test(text)) return true;
	if (FALSE.test(text)) return false;
	const c = text.charCodeAt(0);
	// Only text starting with a digit, a sign or a dot can be a number or a timestamp.
	if (!((c >= DIGIT_0 && c <= DIGIT_9) || first === '-' || first === '+' || first === '.')) return text;
	if (OCTAL.test(text)) return parseInt(text.substring(2), 8);
	if (DECIMAL_INT.test(text)) return parseInt(text, 10);
	if (HEX.test(text)) return parseInt(text.substring(2), 16);
	if (NAN_INF.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
	if (DECIMAL_FLOAT.test(text)) return parseFloat(text);
	if (NUMBERISH.test(text) || TIMESTAMP.test(text)) return DECLINE;
	const date = DATE.exec(text);
	if (date && !isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) return DECLINE;
	return text;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `2025-02-30` is text in the core schema, but a parser with timestamps would roll it to March
 * (and `Date.UTC` takes years below 100 for 19xx), so only real dates from year 100 on are kept.
 */
function isCalendarDate(year: number, month: number, day: number): boolean {
	if (year < 100 || month < 1 || month > 12 || day < 1) return false;
	const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}
