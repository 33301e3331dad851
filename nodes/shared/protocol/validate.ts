/**
 * Checks on the values a write sends to WDT, made before the first call. Each returns a
 * problem in plain words (or undefined), so the node can name the item and field.
 */

/**
 * Length as WDT counts it: in characters (Unicode code points). The 长度 column of a method
 * page is the width of a MySQL VARCHAR column, which MySQL counts in characters, not bytes
 * (an over-long value fails with "Data too long for column"). The vendor's rule that emoji
 * make the database write fail shows that the columns are MySQL's 3-byte utf8, and we refuse
 * every character outside the Basic Multilingual Plane (see below), so code points, UTF-16
 * units and MySQL characters are the same count for every value we let through. Counting UTF-8
 * bytes would refuse valid Chinese text (255 characters of 备注 are 765 bytes).
 */
export function characterCount(text: string): number {
	return Array.from(text).length;
}

/** `max` characters as WDT counts them; undefined when the text fits. */
export function lengthProblem(text: string, max: number): string | undefined {
	const count = characterCount(text);
	return count > max ? `is ${count} characters long; WDT allows at most ${max}` : undefined;
}

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
/** U+FE0F asks for emoji display, U+20E3 makes keycap emoji, U+200D joins emoji sequences. */
const EMOJI_JOINERS = new Set([0xfe0f, 0x20e3, 0x200d]);

function describeCharacter(char: string, codePoint: number): string {
	const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
	return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || EMOJI_JOINERS.has(codePoint)
		? hex
		: `"${char}" (${hex})`;
}

/**
 * The vendor's interface rules (接口规范说明) say emoji and other illegal characters make WDT's
 * database write fail. Refused: every character above U+FFFF (all 4-byte UTF-8: emoji, rare
 * CJK extension characters, which MySQL's 3-byte utf8 cannot store), characters shown as emoji
 * by default (✅, ⭐, …), the emoji joiners and selectors, unpaired surrogates (not encodable as
 * UTF-8), control characters other than tab, line feed and carriage return, and U+FFFE/U+FFFF.
 */
export function unstorableCharacterProblem(text: string): string | undefined {
	let position = 0;
	for (const char of text) {
		position++;
		const codePoint = char.codePointAt(0) as number;
		const bad =
			codePoint > 0xffff ||
			(codePoint >= 0xd800 && codePoint <= 0xdfff) ||
			(codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ||
			(codePoint >= 0x7f && codePoint < 0xa0) ||
			codePoint === 0xfffe ||
			codePoint === 0xffff ||
			EMOJI_JOINERS.has(codePoint) ||
			EMOJI_PRESENTATION.test(char);
		if (bad)
			return (
				`contains ${describeCharacter(char, codePoint)} at character ${position}, an emoji or ` +
				"other character that WDT's database cannot store (its interface rules say such " +
				'characters make the write fail); remove it'
			);
	}
	return undefined;
}

/** Both checks on one text field: characters first, then length. */
export function textProblem(text: string, max: number): string | undefined {
	return unstorableCharacterProblem(text) ?? lengthProblem(text, max);
}

/** The largest value of a MySQL INT column (WDT's `num` is Int, 长度 11). */
export const MAX_QUANTITY = 2_147_483_647;

/**
 * A quantity: a plain positive whole number. Accepted: a JS number that is a whole number,
 * or text of digits, optionally followed by a decimal point and zeros ("5", "5.0", "2.0000" —
 * WDT itself writes quantities as "2.0000", so its own output can be fed back). Refused:
 * "0x10", "1e3", "+5", "1,000", "1.5", arrays such as [5], booleans, empty values, 0, negative
 * numbers and anything above MAX_QUANTITY.
 */
export function parseQuantity(value: unknown): { quantity: number } | { problem: string } {
	let quantity: number | undefined;
	if (typeof value === 'number') quantity = value;
	else if (typeof value === 'string' && /^\d+(?:\.0+)?$/.test(value.trim()))
		quantity = Number(value.trim());
	const shown = `"${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}"`;
	if (quantity === undefined || !Number.isInteger(quantity))
		return { problem: `must be a positive whole number written plainly, such as 5, got ${shown}` };
	if (quantity <= 0) return { problem: `must be at least 1, got ${shown}` };
	if (quantity > MAX_QUANTITY)
		return { problem: `must be at most ${MAX_QUANTITY} (WDT stores it as an Int), got ${shown}` };
	return { quantity };
}

/**
 * A WDT `Decimal(19,4)` amount (prices, fees, quantities of sales orders): a JS number or plain
 * decimal text ("12", "12.5", "-3.0000"), at most 4 decimal places and 15 whole digits (19
 * digits in all, 4 after the point, as MySQL's DECIMAL(19,4) stores them). `min` is the least
 * value accepted; `positive` refuses 0 as well.
 */
export function parseDecimal(
	value: unknown,
	options: { min?: number; positive?: boolean } = {},
): { value: number } | { problem: string } {
	const shown = `"${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}"`;
	const digits =
		typeof value === 'number' && Number.isFinite(value)
			? String(value)
			: typeof value === 'string'
				? value.trim()
				: '';
	const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(digits);
	if (!match) return { problem: `must be a plain decimal number such as 12.5, got ${shown}` };
	const [, , whole, fraction = ''] = match;
	if (fraction.replace(/0+$/, '').length > 4)
		return { problem: `has more than 4 decimal places (WDT stores Decimal(19,4)), got ${shown}` };
	if (whole.replace(/^0+(?=\d)/, '').length > 15)
		return { problem: `has more than 15 whole digits (WDT stores Decimal(19,4)), got ${shown}` };
	const number = Number(digits);
	if (options.positive && !(number > 0)) return { problem: `must be more than 0, got ${shown}` };
	if (options.min !== undefined && number < options.min)
		return { problem: `must be at least ${options.min}, got ${shown}` };
	return { value: number };
}

/**
 * A WDT Decimal field that holds a price (`price`, `retail_price`, `custom_price1`, …). No write
 * sends a negative one: WDT would store it as typed. One rule for every write (goods, orders).
 */
const PRICE_FIELD = /(?:^|_)price\d*$/;

/** The least value a documented Decimal field takes, by its WDT name: 0 for prices. */
export function decimalBounds(name: string): { min?: number } {
	return PRICE_FIELD.test(name) ? { min: 0 } : {};
}
