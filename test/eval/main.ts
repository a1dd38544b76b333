// `npm run eval`: the hand-written corpus's scores, printed. `npm run eval -- --real DIR` scores the real-code
// corpus instead, reading the labelled repositories from git directories under DIR (test/corpus/real/README.md);
// `--repo owner/name` (repeatable) scores only those.
import { evaluateCorpus, formatResult } from './corpus';
import { evaluateReal, formatReal } from './real';

const args = process.argv.slice(2);
const real = args.indexOf('--real');
if (real !== -1 && !args[real + 1]) {
  console.error('usage: npm run eval [-- --real DIR [--repo owner/name]…]');
  process.exit(2);
}
const only = args.flatMap((arg, index) => (arg === '--repo' && args[index + 1] ? [args[index + 1]] : []));
const run = real === -1 ? evaluateCorpus().then(formatResult) : evaluateReal(args[real + 1], undefined, only).then(formatReal);
run.then(
  (report) => console.log(report),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
