/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, …) are for node code. */
/**
 * The WDT node's whole description as a saved workflow and the editor see it: resource and
 * operation values, parameter names, defaults, option order and texts. The resource registry
 * folds it from each resource's index.ts; this fixture (written from the hand-kept version) keeps
 * a saved workflow loading the same. A deliberate change rewrites the fixture and says so in the
 * CHANGELOG: `WRITE_NODE_DESCRIPTION=1 npx vitest run test/unit/node-description.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';

const FIXTURE = join(__dirname, '../fixtures/wdt-node-description.json');

/** The description as JSON carries it (functions and undefined fields dropped). */
const current = JSON.parse(JSON.stringify(new Wdt().description)) as Record<string, unknown>;

describe('the WDT node description', () => {
	it('is the same as the fixture, field for field and in the same order', () => {
		if (process.env.WRITE_NODE_DESCRIPTION)
			writeFileSync(FIXTURE, `${JSON.stringify(current, null, '\t')}\n`);
		const saved = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
		// Stringified so that a change of order shows too, not only a change of content.
		expect(JSON.stringify(current, null, 1)).toBe(JSON.stringify(saved, null, 1));
	});
});
