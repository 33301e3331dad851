/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * `npm run test:ui`: the real n8n editor in headless Chromium, as a no-code user meets it (issue 23).
 * For each n8n version (WDT_UI_N8N: 1, 2 or all) one environment starts (test/ui/harness.ts), then
 * every step file in test/ui/steps/ runs against it, in file-name order. WDT_UI_STEPS=1a,1b loads
 * only those steps. Without a browser every test is skipped (test/ui/driver.ts says how to get one).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, it } from 'vitest';

import { chromiumPath, NO_BROWSER_MESSAGE } from './driver';
import { editorSession, uiVersions, type Step } from './harness';

const wanted = (process.env.WDT_UI_STEPS ?? '')
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
const stepsDir = join(__dirname, 'steps');
const steps: Step[] = [];
for (const file of readdirSync(stepsDir)
	.filter((f) => f.endsWith('.ts'))
	.sort()) {
	if (wanted.length && !wanted.some((id) => file.startsWith(id))) continue;
	steps.push(((await import(join(stepsDir, file))) as { default: Step }).default);
}

if (!chromiumPath()) {
	const set = process.env.CHROMIUM_PATH;
	process.stderr.write(
		`[ui] skipped: ${set ? `CHROMIUM_PATH=${set} does not exist. ` : ''}${NO_BROWSER_MESSAGE}\n`,
	);
	describe.skip(`browser test skipped: ${NO_BROWSER_MESSAGE}`, () => {
		it('needs Chromium', () => {});
	});
} else {
	for (const version of uiVersions()) {
		describe(`n8n ${version}`, () => {
			const ui = editorSession(version);
			for (const step of steps) describe(`${step.id} ${step.title}`, () => step.register(ui));
		});
	}
}
