/**
 * The bundle of `entry` (a path in this checkout, e.g. 'src/cli/main.ts') under `name`: the file to import, from the
 * cache when fresh, else built now. Null when esbuild is missing or fails.
 */
export declare function bundle(entry: string, name: string): Promise<string | null>;
