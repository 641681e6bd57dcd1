// `haptik-webhook/testing`: hooks for the package's own tests; not part of the public API.

/** Makes the wasm module trap once, to prove the recovery: throws an Error with `code: "internal"`. */
export declare function forceTrap(): void;
