// How node is to run the language server: the one list the extension and the tests that spawn the server share.

/**
 * V8 compiles hot functions on helper threads. On a machine with few cores whose CPUs share no cache, as small cloud
 * VMs report them, the kernel wakes that thread onto the core the main thread is analysing a keystroke on, and the
 * keystroke waits a whole time slice (3–4 ms) behind the compile while another core idles. Starting each compile
 * 5 ms after it is queued lets the keystroke that queued it finish first: typing waits less, and code is optimized
 * 5 ms later. Measured in `npm run bench`: the TypeScript keystroke p95 fell from about 1.34× to 1.10× a full parse.
 */
export const SERVER_NODE_ARGUMENTS: readonly string[] = ['--concurrent-recompilation-delay=5'];
