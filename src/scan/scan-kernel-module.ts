import { readFileSync } from 'node:fs';

// The compiled kernel (assembly/scan-kernel.ts, built into build/ by `npm install`), loaded once per thread. Worker
// threads run a bundle whose import.meta.url is a data: URL, so the pool hands them the main thread's module.
let kernel: WebAssembly.Module | null | undefined;

/** Sets the kernel of this thread (a worker gets the main thread's); null scans with JavaScript only. */
export function setKernelModule(module: WebAssembly.Module | null): void {
  kernel = module;
}

/** The kernel, or null when it was not built or INCYDENT_SCAN_KERNEL=off asks for the JavaScript scanner. */
export function getKernelModule(): WebAssembly.Module | null {
  kernel ??= loadKernelModule();
  return kernel;
}

function loadKernelModule(): WebAssembly.Module | null {
  if (process.env.INCYDENT_SCAN_KERNEL === 'off') return null;
  try {
    const url = new URL('../../build/scan-kernel.wasm', import.meta.url);
    return url.protocol === 'file:' ? new WebAssembly.Module(readFileSync(url)) : null;
  } catch {
    return null;
  }
}
