import { describeKind, errorFromStatus, quoteWdtText, WdtError, type WdtErrorKind } from './errors';

/** The envelope of every WDT reply. */
export interface WdtResponse {
	status: number;
	message?: string;
	data?: unknown;
	[extra: string]: unknown;
}

const PREVIEW_CHARS = 160;

function preview(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return quoteWdtText(
		oneLine.length > PREVIEW_CHARS ? `${oneLine.slice(0, PREVIEW_CHARS)}…` : oneLine,
	);
}

function describeNonJson(text: string): string {
	if (text.trim() === '') return 'an empty body';
	if (/^\s*</.test(text)) {
		const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
		return `an HTML page${title ? ` (${preview(title)})` : ''}`;
	}
	if (/^\s*[[{]/.test(text)) return `truncated or malformed JSON (${preview(text)})`;
	return `text that is not JSON (${preview(text)})`;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}

/**
 * Whose fault a reply that is not a WDT envelope is. A gateway in front of WDT answers 5xx, and
 * a body cut short can happen on the way: both may pass on the next attempt. A 4xx, an HTML page
 * with 2xx, or well-formed JSON without a numeric status means the Base URL points elsewhere.
 */
function nonEnvelopeKind(httpStatus: number, text: string | undefined): WdtErrorKind {
	if (httpStatus >= 500) return 'badResponse';
	if (httpStatus >= 400) return 'notWdt';
	if (text !== undefined && /^\s*</.test(text)) return 'notWdt';
	return text === undefined || parseJson(text) !== NOT_JSON ? 'notWdt' : 'badResponse';
}

/**
 * Turns a raw HTTP reply into a WDT envelope, or throws a WdtError that says what came back.
 * `body` may be a string or an already-parsed object (n8n parses JSON replies itself).
 */
export function decodeResponse(method: string, body: unknown, httpStatus = 200): WdtResponse {
	let parsed: unknown = body;
	let text: string | undefined;
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
		parsed = parseJson(text);
		if (parsed === NOT_JSON) {
			throw new WdtError(
				`WDT ${method} returned ${describeNonJson(text)} with HTTP ${httpStatus} instead of a JSON reply`,
				{ ...describeKind(nonEnvelopeKind(httpStatus, text)), httpStatus },
			);
		}
	}
	const envelope = parsed as Partial<WdtResponse> | null;
	if (
		envelope === null ||
		typeof envelope !== 'object' ||
		Array.isArray(envelope) ||
		typeof envelope.status !== 'number'
	) {
		const shown =
			parsed === undefined || parsed === null ? 'nothing' : preview(JSON.stringify(parsed));
		throw new WdtError(
			`WDT ${method} returned a reply without a status number (HTTP ${httpStatus}): ${shown}`,
			{ ...describeKind(nonEnvelopeKind(httpStatus, text)), httpStatus },
		);
	}
	if (httpStatus >= 400) {
		throw new WdtError(
			`WDT ${method} answered HTTP ${httpStatus}: ${preview(JSON.stringify(parsed))}`,
			{ ...describeKind(nonEnvelopeKind(httpStatus, text)), httpStatus },
		);
	}
	return envelope as WdtResponse;
}

/** Throws the classified error for a status other than 0; returns the reply otherwise. */
export function ensureSuccess(method: string, response: WdtResponse): WdtResponse {
	if (response.status !== 0) {
		throw errorFromStatus(
			method,
			response.status,
			typeof response.message === 'string' ? response.message : '',
		);
	}
	return response;
}
