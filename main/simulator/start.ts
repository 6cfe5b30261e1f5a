// The provider simulator on its own: `npm run sim -- [--port N] [--speed X] [--key K]…
// [--seed N] [--catalog FILE] [--no-progress] [--faults JSON]` (also `genvid sim`).
// Prints one line, `listening <url>`; KIE at <url>, fal at <url>/fal, OpenAI at <url>/v1.
import { runSimulatorCli } from './simulatorCli.ts';

await runSimulatorCli(process.argv.slice(2));
