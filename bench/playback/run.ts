/**
 * Playback benchmark (issue 12): what video features cost, each against its baseline in the
 * same run. Run: npm run bench -- playback.
 */
import { processingCost } from './processingCost.js';

const results = [await processingCost()];
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
