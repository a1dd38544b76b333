// The V8 heap's young generation, collected between keystrokes rather than during one.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

type Collect = (options: { type: 'minor' }) => void;

/** About two keystrokes' garbage: a collection then copies little (the last analysis) and takes under a millisecond. */
const COLLECT_FROM_BYTES = 2 * 1024 * 1024;

/**
 * V8's `gc`, which collects only the young generation when asked for a minor collection. Node exposes it only under
 * `--expose-gc`; a context created after the flag is set has it. Undefined where the runtime refuses.
 */
function minorCollector(): Collect | undefined {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as Collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const collect: unknown = vm.runInNewContext('gc');
    return typeof collect === 'function' ? (collect as Collect) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A keystroke's analysis allocates about a megabyte. Left to itself, V8 collects the young generation when it is
 * full, every 15 or so keystrokes, inside whichever keystroke fills it: 3–8 ms (dead analyses that older garbage
 * still points to are copied too), and its first growth touches fresh pages for tens of keystrokes. Collected
 * once idle after every couple of keystrokes, a keystroke finds room for itself in pages already in use, and the
 * collection runs while nobody waits.
 */
export class YoungGeneration {
  private collect: Collect | undefined | null = null;

  /** Collects it if it holds more than a couple of keystrokes' garbage (or half its room, while V8 keeps it small). */
  collectIfFilling(): void {
    const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (!young || young.space_used_size <= Math.min(COLLECT_FROM_BYTES, (young.space_used_size + young.space_available_size) / 2)) return;
    if (this.collect === null) this.collect = minorCollector();
    this.collect?.({ type: 'minor' });
  }
}
