import { readFileSync, statSync } from 'node:fs';

// The compiled kernel (assembly/scan-kernel.ts, built into build/ by `npm install`), loaded once per process: the
// pool hands worker threads the main thread's module (a WebAssembly.Module crosses threads without a copy).
let kernel: WebAssembly.Module | null | undefined;

/** Sets the kernel of this thread (a worker gets the main thread's); null scans with JavaScript only. */
export function setKernelModule(module: WebAssembly.Module | null): void {
  kernel = module;
}

/**
 * The kernel, or null when it was not built, is older than its source (rebuild with `npm run build:kernel`), or
 * INCYDENT_SCAN_KERNEL=off asks for the JavaScript scanner.
 */
export function getKernelModule(): WebAssembly.Module | null {
  // Loaded (or found missing) once: null is an answer too.
  if (kernel === undefined) kernel = loadKernelModule();
  return kernel;
}

function loadKernelModule(): WebAssembly.Module | null {
  if (process.env.INCYDENT_SCAN_KERNEL === 'off') return null;
  try {
    const url = new URL('../../build/scan-kernel.wasm', import.meta.url);
    const source = statSync(new URL('../../assembly/scan-kernel.ts', import.meta.url), {
      throwIfNoEntry: false,
    });
    // A kernel built from an older source may count differently from the scanner it stands in for.
    if (source && source.mtimeMs > statSync(url).mtimeMs) {
      console.warn(
        '[incydent] build/scan-kernel.wasm jest starszy niż assembly/scan-kernel.ts: analiza działa wolniej, w JavaScript; po aktualizacji uruchom npm install / the scan kernel is older than its source: scans run slower, in JavaScript; after an update, run npm install',
      );
      return null;
    }
    return new WebAssembly.Module(readFileSync(url));
  } catch {
    return null;
  }
}
