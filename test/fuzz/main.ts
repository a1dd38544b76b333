// `npm run fuzz -- --count N --seed S [--lsp-count M] [--no-lsp] [--out DIR] [--index I,J] [--jobs J] [--batch B]`
import { REPO_ROOT } from '../repoRoot';
import { defaultOptions, range, runFuzz } from './harness';
import { formatDistinct, formatSummary } from './report';

const USAGE = `Usage: npm run fuzz -- [options]

  --count N       inputs 0 … N-1 (default 1000)
  --seed S        run seed (default 1); (seed, index) rebuilds one input exactly
  --lsp-count M   how many of the inputs also go through the language server (default min(N, 500))
  --no-lsp        skip the language server
  --index I,J     only these inputs (to reproduce a failure); repeatable
  --out DIR       where reproducers are written (default $TMPDIR/prodready-fuzz)
  --jobs J        CLI batches and servers in parallel (default: CPU count, at most 4)
  --batch B       files per CLI process (default 60)`;

function parse(argv: string[]) {
  const options = defaultOptions(REPO_ROOT);
  let count = 1000;
  let lspCount: number | undefined;
  let noLsp = false;
  const indices: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    const integer = () => {
      const text = value();
      if (!/^\d+$/.test(text)) throw new Error(`${flag} takes a whole number, got "${text}"`);
      return Number(text);
    };
    switch (flag) {
      case '--count':
        count = integer();
        break;
      case '--seed':
        options.seed = integer();
        break;
      case '--lsp-count':
        lspCount = integer();
        break;
      case '--no-lsp':
        noLsp = true;
        break;
      case '--index':
        indices.push(...value().split(',').map(Number));
        break;
      case '--out':
        options.outDir = value();
        break;
      case '--jobs':
        options.jobs = Math.max(1, integer());
        break;
      case '--batch':
        options.batchSize = Math.max(1, integer());
        break;
      case '-h':
      case '--help':
        return undefined;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (indices.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('--index takes whole numbers');
  options.indices = indices.length > 0 ? indices : range(count);
  options.lspCount = noLsp ? 0 : (lspCount ?? Math.min(options.indices.length, 500));
  return options;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fuzz: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  const { totals, failures } = await runFuzz(options);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(`\nprodready fuzz: seed ${options.seed}, ${options.indices.length} inputs, ${seconds} s\n${formatSummary(totals, failures)}\n`);
  if (totals.lspLoggedKinds.size > 0) {
    process.stdout.write('\nserver handler errors (logged, server survived):\n');
    for (const [kind, { count, input }] of totals.lspLoggedKinds) process.stdout.write(`  ${count}× ${kind}  (first: seed ${input.seed} index ${input.index})\n`);
  }
  if (failures.length > 0) {
    process.stdout.write(`\nfailures:\n`);
    for (const failure of failures) {
      const who = failure.inputs.map((i) => `#${i.index} [${i.mutations.join(', ')}]`).join(' + ');
      process.stdout.write(`  ${failure.kind} (${failure.phase}) ${who}\n    ${failure.message}\n    saved: ${failure.saved?.join(', ')}\n`);
    }
    process.stdout.write(`\ndistinct failures:\n${formatDistinct(failures)}\n`);
  }
  return failures.length > 0 ? 1 : 0;
}

// Exiting runs the harness's clean-up (its child processes, its scratch folder), which a signal would skip.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

void main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
