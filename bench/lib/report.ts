/** Rows of the results table, and how they are printed. */
import type { Summary } from './stats';

export type Unit = 'calls' | 'ms' | 'x' | 'per-s' | 'MB' | 'count';

export interface Row {
	/** Stable key, e.g. 'B1.node.calls' (the JSON and the test use it). */
	id: string;
	scenario: 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'B6' | 'B7';
	figure: string;
	unit: Unit;
	value: Summary;
	/** The goal in words, e.g. '= 100' or '≥ 50×'. */
	goal?: string;
	/** Whether the goal is met (undefined: no goal for this row). */
	met?: boolean;
	/** How the figure was measured, when it differs from "median of the runs". */
	note?: string;
}

export interface ScenarioResult {
	scenario: Row['scenario'];
	title: string;
	rows: Row[];
	/** Everything else worth keeping in the JSON (parameters, per-run figures, diagnostics). */
	details: Record<string, unknown>;
	/** Explanations printed under the table (why a goal is missed, what was measured how). */
	notes: string[];
}

export function formatValue(value: number, unit: Unit): string {
	if (!Number.isFinite(value)) return String(value);
	switch (unit) {
		case 'calls':
		case 'count':
			return Number.isInteger(value) ? String(value) : value.toFixed(1);
		case 'ms':
			if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
			if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
			if (value >= 10) return `${value.toFixed(0)} ms`;
			return `${value.toFixed(2)} ms`;
		case 'x':
			return value >= 100 ? `${value.toFixed(0)}×` : value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
		case 'per-s':
			return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}/s`;
		case 'MB':
			return `${value.toFixed(1)} MB`;
	}
}

function pad(text: string, width: number, right = false): string {
	// Counts code points, so the × and ≥ signs line up.
	const length = [...text].length;
	if (length >= width) return text;
	return right ? ' '.repeat(width - length) + text : text + ' '.repeat(width - length);
}

/** One plain-text table: every row with median, min, max, goal and whether it is met. */
export function renderTable(rows: Row[]): string {
	const header = ['row', 'figure', 'median', 'min', 'max', 'goal', 'met'];
	const body = rows.map((row) => {
		const same = row.value.min === row.value.max;
		return [
			row.id,
			row.figure,
			formatValue(row.value.median, row.unit),
			same ? '' : formatValue(row.value.min, row.unit),
			same ? '' : formatValue(row.value.max, row.unit),
			row.goal ?? '',
			row.met === undefined ? '' : row.met ? 'yes' : 'NO',
		];
	});
	const widths = header.map((title, column) =>
		Math.max([...title].length, ...body.map((cells) => [...cells[column]].length)),
	);
	const numeric = new Set([2, 3, 4]);
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => pad(cell, widths[column], numeric.has(column)))
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	const out = [line(header), rule];
	let previous: string | undefined;
	for (let i = 0; i < rows.length; i++) {
		if (previous !== undefined && rows[i].scenario !== previous) out.push('');
		previous = rows[i].scenario;
		out.push(line(body[i]));
	}
	return out.join('\n');
}
