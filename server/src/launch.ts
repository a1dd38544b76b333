// How node is to run the language server: the one list the extension and the tests that spawn the server share.

/**
 * V8 compiles hot functions on helper threads. On a machine with few cores whose CPUs share no cache, as small cloud
 * VMs report them, the kernel wakes that thread onto the core the main thread is analysing a keystroke on, and the
 * keystroke waits a whole time slice (3–4 ms) behind the compile while another core idles. Starting each compile
 * 5 ms after it is queued lets the keystroke that queued it finish first: typing waits less, and code is optimized
 * 5 ms later. Measured with `npm run bench`'s TypeScript keystroke session, the p95 over a full parse fell from 1.33× to
 * about 1.0× (medians of 13 and 16 runs); 3 and 8 ms did less well, and so did 20 ms.
 */
export const SERVER_NODE_ARGUMENTS: readonly string[] = ['--concurrent-recompilation-delay=5'];
