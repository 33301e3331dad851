/**
 * The page numbers the read engine (nodes/shared/protocol/paging.ts) asks for when it reads one
 * window of `rows` records at 100 a page, under the readings of when `total_count` comes
 * (docs/wdt-ambiguities.md): what the window-reading tests expect of each.
 */
export function pagesRead(
	rows: number,
	options: { withTotal: boolean; lastToFirst?: boolean },
): number[] {
	const pages = Math.max(1, Math.ceil(rows / 100));
	const upTo = (count: number) => Array.from({ length: count }, (_, i) => i);
	if (options.withTotal)
		// A closed window whose page recommends it: page 0, then the last page back to page 1.
		return options.lastToFirst ? [0, ...upTo(pages - 1).map((i) => pages - 1 - i)] : upTo(pages);
	// Without a total: on to a short or empty page, then the pages before the last one read
	// again, to see whether rows moved across a page boundary while they were read.
	const pass = upTo(rows > 0 && rows % 100 === 0 ? pages + 1 : pages);
	return [...pass, ...pass.slice(0, -1)];
}
