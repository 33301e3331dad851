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
	WdtError,
	type WdtCall,
	type WdtResponse,
} from '../protocol';

export type WdtFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface CallPolicy {
	/** Writes are sent once: a lost reply is reported, never re-sent blindly. */
	write: boolean;
	/** Extra attempts for a read after a rate limit or a transient fault. */
	retries?: number;
	/** First back-off; it doubles on each further attempt. */
	retryDelayMs?: number;
}

export const DEFAULT_READ_RETRIES = 3;
export const DEFAULT_RETRY_DELAY_MS = 1000;
const REQUEST_TIMEOUT_MS = 60_000;

/** Plain words for socket errors; n8n would replace a message holding the raw code with its own. */
const CONNECTION_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was reset before WDT replied',
	ECONNREFUSED: 'the endpoint refused the connection',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the request timed out',
	ENOTFOUND: 'the endpoint host name was not found',
	EAI_AGAIN: 'the endpoint host name could not be resolved',
};

function networkError(method: string, error: unknown): WdtError {
	const cause = (error as { cause?: { code?: string } })?.cause;
	const code = String((error as { code?: string })?.code ?? cause?.code ?? '').toUpperCase();
	const text = (error as Error)?.message ?? '';
	const words =
		CONNECTION_FAILURES[code] ??
		Object.entries(CONNECTION_FAILURES).find(([name]) => text.toUpperCase().includes(name))?.[1] ??
		(/closed|hang up|reset/i.test(text)
			? CONNECTION_FAILURES.ECONNRESET
			: 'the request did not complete');
	return new WdtError(`WDT ${method}: ${words}`, describeKind('network'));
}

/**
 * Sends one signed WDT call through n8n's authenticated HTTP helper and returns the successful
 * envelope; any failure is a classified WdtError. Reads back off and retry when WDT rate-limits
 * or a gateway/connection fault occurs; writes never retry.
 */
export async function callWdt(
	this: WdtFunctions,
	call: WdtCall,
	policy: CallPolicy,
): Promise<WdtResponse> {
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
		timeout: REQUEST_TIMEOUT_MS,
	};
	const retries = policy.write ? 0 : (policy.retries ?? DEFAULT_READ_RETRIES);
	const baseDelay = policy.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
	for (let attempt = 0; ; attempt++) {
		let failure: WdtError;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				'wdtApi',
				request,
			)) as IN8nHttpFullResponse;
			return ensureSuccess(
				call.method,
				decodeResponse(call.method, response.body, response.statusCode),
			);
		} catch (error) {
			failure = error instanceof WdtError ? error : networkError(call.method, error);
		}
		if (!failure.retryable || attempt >= retries) throw failure;
		await sleep(baseDelay * 2 ** attempt);
	}
}

/** Turns a WdtError into the NodeApiError n8n shows: WDT's status and message, then the fix. */
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
