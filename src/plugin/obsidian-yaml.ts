import { parseYaml } from 'obsidian';

/**
 * Stands in for the `yaml` package inside main.js (esbuild aliases it here), so the plugin reads
 * properties with Obsidian's own parser and ships no YAML library. Only `parse` is used by the core.
 *
 * Obsidian's parseYaml is js-yaml 4 with its default schema, which reads some plain scalars unlike
 * the YAML 1.2 core schema the CLI reads with: `2025-08-29 10:00:00` becomes a Date (and its text
 * is lost: space or `T`, seconds, zone), `0b101`, `-0x1F` and `-0o17` numbers, `<<` a merge, while
 * `+.5` and `-.5` stay text. So that a note reads (and is written back) the same in the app as by
 * `spec-work`, such scalars are swapped for stand-ins before parsing and given back afterwards: a
 * string stand-in, which only text can contain, for what the core schema reads as text; a number
 * stand-in for what it reads as a number. Anything that still comes back as a Date is turned into
 * ISO text.
 */
export function parse(source: string): unknown {
	const swap = standIns(source);
	if (swap) {
		try {
			return swap.restore(parseYaml(swap.source));
		} catch {
			// Reported from the text as written, below.
		}
	}
	try {
		return datesAsText(parseYaml(source));
	} catch (err) {
		throw atLastLine(err, source);
	}
}

// js-yaml's timestamp (a date, or a date and a time with seconds, a fraction and a zone), the
// integers it reads that the core schema does not, and the merge key.
const AS_TEXT =
	/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?|[-+]?0b[01_]+|[-+]0[xo][0-9a-fA-F_]+|<</g;
// Floats the core schema reads and js-yaml does not (a sign before a leading dot), standing alone,
// so a number stand-in cannot join what is around it into a different number.
const AS_NUMBER = /(?<![\w.+-])[-+]\.[0-9]+(?:[eE][-+]?[0-9]+)?(?![\w.+-])/g;

interface StandIns {
	source: string;
	restore(value: unknown): unknown;
}

/** The source with its disputed scalars swapped for stand-ins, and how to put them back; null when it has none. */
function standIns(source: string): StandIns | null {
	AS_TEXT.lastIndex = 0;
	AS_NUMBER.lastIndex = 0;
	if (!AS_TEXT.test(source) && !AS_NUMBER.test(source)) return null;
	const mark = unusedPrivateChar(source);
	if (mark === null) return null;
	const texts: string[] = [];
	const numbers: string[] = [];
	const textIndex = new Map<string, number>();
	const numberIndex = new Map<string, number>();
	const numberStandIn = (i: number): string => `7.${mark.codePointAt(0)}${i}${'7'.repeat(6)}0e-300`;
	const numbered = source.replace(AS_NUMBER, (t) => {
		if (!numberIndex.has(t)) numberIndex.set(t, numbers.push(t) - 1);
		return numberStandIn(numberIndex.get(t) as number);
	});
	const swapped = numbered.replace(AS_TEXT, (t) => {
		if (!textIndex.has(t)) textIndex.set(t, texts.push(t) - 1);
		return `${mark}${textIndex.get(t) as number}${mark}`;
	});
	const standInTexts = numbers.map((_, i) => numberStandIn(i));
	if (standInTexts.some((s) => source.includes(s))) return null;
	// A plain number stand-in reads as this number, and as this key when it is a key.
	const fromNumber = new Map<number, number>(standInTexts.map((s, i) => [Number(s), Number(numbers[i])]));
	const fromKey = new Map<string, string>(standInTexts.map((s, i) => [String(Number(s)), String(Number(numbers[i]))]));
	const markRun = new RegExp(`${mark}(\\d+)${mark}`, 'g');
	const restoreText = (s: string): string => {
		let out = s.includes(mark) ? s.replace(markRun, (_, i: string) => texts[Number(i)]) : s;
		standInTexts.forEach((standIn, i) => {
			if (out.includes(standIn)) out = out.split(standIn).join(numbers[i]);
		});
		return out;
	};
	const restoreKey = (k: string): string => fromKey.get(k) ?? restoreText(k);
	return { source: swapped, restore: (value) => restoreValue(value, restoreText, restoreKey, fromNumber, new Map()) };
}

function restoreValue(value: unknown, text: (s: string) => string, key: (k: string) => string, numbers: Map<number, number>, seen: Map<object, unknown>): unknown {
	if (typeof value === 'string') return text(value);
	if (typeof value === 'number') return numbers.get(value) ?? value;
	if (isDate(value)) return dateText(value);
	if (value === null || typeof value !== 'object') return value;
	// An alias gives the same object twice (or inside itself): restored once.
	if (seen.has(value)) return seen.get(value);
	if (Array.isArray(value)) {
		const out: unknown[] = [];
		seen.set(value, out);
		for (const item of value) out.push(restoreValue(item, text, key, numbers, seen));
		return out;
	}
	const out: Record<string, unknown> = {};
	seen.set(value, out);
	for (const [k, v] of Object.entries(value)) out[key(k)] = restoreValue(v, text, key, numbers, seen);
	return out;
}

/** A character from the private use area the source does not hold, to mark stand-ins with. */
function unusedPrivateChar(source: string): string | null {
	for (let c = 0xe000; c <= 0xe0ff; c++) {
		const ch = String.fromCharCode(c);
		if (!source.includes(ch)) return ch;
	}
	return null;
}

/** Should a parser hand back Date objects for `2025-08-26`, turn them back into ISO text. */
function datesAsText(value: unknown): unknown {
	if (isDate(value)) return dateText(value);
	if (Array.isArray(value)) return value.map(datesAsText);
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = datesAsText(v);
		return out;
	}
	return value;
}

// Not `instanceof`: a Date made in another realm (Obsidian's window, a test's vm context) is one too.
function isDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}

function dateText(value: Date): string {
	const iso = value.toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * js-yaml places "unexpected end of the stream" on a line past the text it was given; the `yaml`
 * package on the text's last line. Say the last line, so the error names the line a user wrote.
 */
function atLastLine(err: unknown, source: string): unknown {
	const e = err as Error & { reason?: unknown; mark?: { line?: unknown; position?: unknown } };
	// Not `instanceof Error`: the parser may be of another realm.
	if (e === null || typeof e !== 'object' || e.name !== 'YAMLException' || typeof e.mark?.position !== 'number' || e.mark.position < source.length) return err;
	const lastLine = source.split('\n').length - 1;
	if (typeof e.mark.line !== 'number' || e.mark.line <= lastLine) return err;
	return Object.assign(new Error(e.message), { name: e.name, reason: e.reason, mark: { ...e.mark, line: lastLine } });
}
