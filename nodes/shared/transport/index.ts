import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	callQuery,
	decodeResponse,
	describeKind,
	encodeBody,
	ensureSuccess,
	RATE_LIMIT_REST,
	readWdtCredentials,
	WDT_DEADLINES,
	WdtError,
	type WdtCall,
	type WdtResponse,
} from '../protocol';

export type WdtFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/*
 * Deadlines and retries.
 *
 * - Every attempt has a deadline for the whole exchange (connect, send, read the last byte);
 *   a server that trickles a byte every few seconds cannot hold a call past it.
 * - A read may be retried after a transient fault: a connection reset, a timed-out attempt, a
 *   gateway's HTTP 5xx, an empty or truncated body. Back-off 1 s, 2 s, 4 s, all inside the
 *   read's overall deadline, which bounds the whole call whatever the server does.
 * - Nothing is retried that cannot pass on a second try: a refused connection, an unknown host,
 *   a TLS mismatch, an invalid Base URL, an HTTP 404 or any 4xx, a reply that is not WDT's, any
 *   WDT status (wrong credentials, business errors, ...).
 * - Rate limits are never retried: after either reply (calls per minute, or concurrent calls)
 *   WDT asks to let the key rest 5–10 minutes. After one, further calls of the same node run are
 *   not sent at all, so a run over many items does not hammer the key.
 * - Writes are sent once: a lost reply is reported as an unknown outcome, never re-sent blindly.
 */

// The deadlines themselves are WDT_DEADLINES (protocol/http.ts): 30 s per read attempt, 60 s per
// read, 60 s per write, 15 s for the credential test.

/** Extra attempts of a read after a transient fault. */
export const DEFAULT_READ_RETRIES = 3;
/** First back-off; it doubles on each further attempt. */
export const DEFAULT_RETRY_DELAY_MS = 1000;

export interface CallPolicy {
	/** Writes are sent once: a lost reply is reported, never re-sent blindly. */
	write: boolean;
	/** Extra attempts for a read after a transient fault. Default DEFAULT_READ_RETRIES. */
	retries?: number;
	/** First back-off. Default DEFAULT_RETRY_DELAY_MS. */
	retryDelayMs?: number;
	/** Deadline of one attempt. Default WDT_DEADLINES.readAttemptMs, or .writeMs for a write. */
	attemptTimeoutMs?: number;
	/** Deadline of a read, retries included (a poll may pass what its budget allows). Default WDT_DEADLINES.readMs. */
	deadlineMs?: number;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Socket errors after which nothing reached WDT and a second try would fail the same way. */
const UNREACHABLE: Record<string, string> = {
	ECONNREFUSED:
		"nothing accepted the connection at the Base URL's host and port (connection refused)",
	ENOTFOUND: "the Base URL's host name was not found (DNS)",
	EHOSTUNREACH: "the Base URL's host cannot be reached from the n8n server",
	ENETUNREACH: "the Base URL's network cannot be reached from the n8n server",
	EPROTO:
		'the secure (https) connection failed: if the Base URL starts with https://, the server may only speak http://',
	ERR_SSL_WRONG_VERSION_NUMBER:
		'the secure (https) connection failed: if the Base URL starts with https://, the server may only speak http://',
	ERR_INVALID_URL: 'the Base URL is not a valid URL',
};

/** Socket errors that may pass on the next attempt. */
const TRANSIENT: Record<string, string> = {
	ECONNRESET: 'the connection was reset before WDT replied',
	EPIPE: 'the connection was reset before WDT replied',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the connection went silent',
	EAI_AGAIN: "the Base URL's host name could not be resolved for now (DNS)",
};

function errorCodes(error: unknown): string[] {
	const codes: string[] = [];
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string') codes.push(code.toUpperCase());
		current = (current as { cause?: unknown }).cause;
	}
	return codes;
}

function errorTexts(error: unknown): string {
	const texts: string[] = [];
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const message = (current as { message?: unknown }).message;
		if (typeof message === 'string') texts.push(message);
		current = (current as { cause?: unknown }).cause;
	}
	return texts.join(' ').toUpperCase();
}

/** A WdtError thrown inside n8n's helper (the credential's field checks), unwrapped. */
function wrappedWdtError(error: unknown): WdtError | undefined {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		if (current instanceof WdtError) return current;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Plain words for socket errors; n8n would replace a message holding the raw code with its own. */
function networkError(method: string, error: unknown): WdtError {
	const codes = errorCodes(error);
	const text = errorTexts(error);
	const find = (table: Record<string, string>) =>
		codes.map((code) => table[code]).find(Boolean) ??
		Object.entries(table).find(([code]) => text.includes(code))?.[1];
	const unreachable =
		find(UNREACHABLE) ??
		(/INVALID URL/.test(text) ? UNREACHABLE.ERR_INVALID_URL : undefined) ??
		(/SSL|TLS|CERT/.test(text) || codes.some((code) => /SSL|TLS|CERT/.test(code))
			? UNREACHABLE.EPROTO
			: undefined);
	if (unreachable)
		return new WdtError(`WDT ${method}: ${unreachable}`, describeKind('unreachable'));
	const words =
		find(TRANSIENT) ??
		(/CLOSED|HANG UP|RESET/.test(text) ? TRANSIENT.ECONNRESET : 'the request did not complete');
	return new WdtError(`WDT ${method}: ${words}`, describeKind('network'));
}

/** Rejects when the signal aborts: the last word on a deadline, whatever the HTTP stack does. */
function abortion(signal: AbortSignal): Promise<never> {
	return new Promise((_resolve, reject) => {
		const fail = () => reject(signal.reason);
		if (signal.aborted) fail();
		else signal.addEventListener('abort', fail, { once: true });
	});
}

function cancelSignalOf(context: WdtFunctions): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * One HTTP exchange that ends when `deadline` fires (or the execution is cancelled), or sooner.
 * `deadline` aborts the socket, so a trickling server cannot keep the call alive.
 */
async function sendOnce(
	this: WdtFunctions,
	request: IHttpRequestOptions,
	deadline: AbortSignal,
	timeLimitMs: number,
	cancel: AbortSignal | undefined,
): Promise<IN8nHttpFullResponse> {
	const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
	// n8n's helper replaces `abortSignal` with the context's execution-cancel signal (n8n-core
	// request-helpers/authentication.ts), so it gets a view of the context whose cancel signal
	// also fires at the deadline.
	const context = Object.create(this, {
		getExecutionCancelSignal: { value: () => signal },
	}) as WdtFunctions;
	const sent = context.helpers.httpRequestWithAuthentication.call(context, 'wdtApi', {
		...request,
		abortSignal: signal,
		timeout: timeLimitMs,
	}) as Promise<IN8nHttpFullResponse>;
	sent.catch(() => undefined); // the race below settles first when the deadline wins
	return await Promise.race([sent, abortion(signal)]);
}

/** Node runs (execution contexts) whose API key WDT rate-limited, with that reply. */
const rateLimitedRuns = new WeakMap<object, WdtError>();

/** The credential's secret values, to hide wherever a server echoed them. */
async function secretValuesOf(context: WdtFunctions): Promise<string[]> {
	try {
		const raw = (await context.getCredentials('wdtApi')) as Record<string, unknown>;
		const { secret, salt, key } = readWdtCredentials(raw);
		return [secret, salt, key, String(raw.secret ?? ''), String(raw.salt ?? '')];
	} catch {
		return [];
	}
}

/** Classifies whatever one attempt threw. */
function attemptFailure(
	method: string,
	error: unknown,
	{
		deadline,
		cancel,
		deadlineWords,
	}: { deadline: AbortSignal; cancel?: AbortSignal; deadlineWords: string },
): WdtError {
	const wdtError = wrappedWdtError(error);
	if (wdtError) return wdtError;
	if (cancel?.aborted) {
		return new WdtError(`WDT ${method}: the execution was cancelled`, {
			...describeKind('network'),
			retryable: false,
		});
	}
	if (deadline.aborted) {
		return new WdtError(
			`WDT ${method}: no complete reply within ${deadlineWords}`,
			describeKind('network'),
		);
	}
	return networkError(method, error);
}

/**
 * Sends one signed WDT call through n8n's authenticated HTTP helper and returns the successful
 * envelope; any failure is a classified WdtError whose texts hide the credential. Deadlines and
 * retries follow the policy described at the top of this file.
 */
export async function callWdt(
	this: WdtFunctions,
	call: WdtCall,
	policy: CallPolicy,
): Promise<WdtResponse> {
	const earlier = rateLimitedRuns.get(this);
	if (earlier) {
		throw new WdtError(
			`WDT ${call.method}: not sent, because WDT rate-limited this API key earlier in this run. Wait ${RATE_LIMIT_REST} before running again`,
			{ ...describeKind('rateLimit'), status: earlier.status, wdtMessage: earlier.wdtMessage },
		);
	}
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: '',
		qs: callQuery(call),
		body: encodeBody(call.args),
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const attemptTimeout =
		policy.attemptTimeoutMs ?? (policy.write ? WDT_DEADLINES.writeMs : WDT_DEADLINES.readAttemptMs);
	const callTimeout = policy.write ? attemptTimeout : (policy.deadlineMs ?? WDT_DEADLINES.readMs);
	const retries = policy.write ? 0 : (policy.retries ?? DEFAULT_READ_RETRIES);
	const baseDelay = policy.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
	const cancel = cancelSignalOf(this);
	const started = Date.now();
	const timeLeft = () => callTimeout - (Date.now() - started);
	for (let attempt = 0; ; attempt++) {
		const timeLimit = Math.max(1, Math.min(attemptTimeout, timeLeft()));
		const deadlineWords =
			timeLimit < attemptTimeout
				? `${seconds(callTimeout)} (the overall deadline of one read, retries included)`
				: `${seconds(timeLimit)} (the deadline of one ${policy.write ? 'write' : 'read attempt'})`;
		const deadline = AbortSignal.timeout(timeLimit);
		let failure: WdtError;
		try {
			const response = await sendOnce.call(this, request, deadline, timeLimit, cancel);
			return ensureSuccess(
				call.method,
				decodeResponse(call.method, response.body, response.statusCode),
			);
		} catch (error) {
			failure = attemptFailure(call.method, error, { deadline, cancel, deadlineWords });
		}
		// Either rate limit stops the run: WDT asks to rest the key 5–10 minutes after both.
		if (failure.kind === 'rateLimit') rateLimitedRuns.set(this, failure);
		const delay = baseDelay * 2 ** attempt;
		if (!failure.retryable || attempt >= retries || cancel?.aborted || delay >= timeLeft()) {
			const tries =
				attempt > 0
					? `; gave up after ${attempt + 1} attempts in ${seconds(Date.now() - started)}`
					: '';
			throw new WdtError(`${failure.message}${tries}`, failure, await secretValuesOf(this));
		}
		await sleep(delay);
	}
}

/** Turns a WdtError into the NodeApiError n8n shows: what failed, WDT's text quoted, then the fix. */
export function toNodeApiError(
	node: INode,
	error: WdtError,
	options: { itemIndex?: number; context?: string } = {},
): NodeApiError {
	const message = options.context ? `${options.context}: ${error.message}` : error.message;
	const details: JsonObject = { message, kind: error.kind };
	// Not `status`: NodeApiError would take that for an HTTP code.
	if (error.status !== undefined) details.wdtStatus = error.status;
	if (error.wdtMessage !== undefined) details.wdtMessage = error.wdtMessage;
	return new NodeApiError(node, details, {
		message,
		description: error.fix,
		itemIndex: options.itemIndex,
		httpCode: error.httpStatus !== undefined ? String(error.httpStatus) : undefined,
	});
}

/** Every error leaving a node is an n8n error: WDT failures become NodeApiErrors with the fix. */
export function toNodeError(
	node: INode,
	error: unknown,
	options: { itemIndex?: number; context?: string } = {},
): NodeApiError | NodeOperationError {
	if (error instanceof WdtError) return toNodeApiError(node, error, options);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, {
		itemIndex: options.itemIndex,
	});
}
