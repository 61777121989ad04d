//! cargo-leptos (`hash-files = true`) writes `hash.txt` beside the server executable, naming
//! the bundle's hashed files, and sets `LEPTOS_HASH_FILES=true` for the server it starts.
//! A server started directly (a copy beside its `hash.txt`, the end-to-end process tests,
//! production) does not get that variable: the file beside the executable decides instead,
//! so the page never names `clientela.wasm` when only `clientela.<hash>.wasm` exists.

use std::path::PathBuf;

use leptos::prelude::LeptosOptions;

/// Turns on hashed names when the hash file is beside the executable, unless
/// `LEPTOS_HASH_FILES` says otherwise.
pub fn detect(options: &mut LeptosOptions) {
    if std::env::var_os("LEPTOS_HASH_FILES").is_some() {
        return;
    }
    if beside_exe(&options.hash_file).is_some_and(|path| path.is_file()) {
        options.hash_files = true;
    }
}

/// `name` in the executable's folder, where cargo-leptos writes the hash file.
pub fn beside_exe(name: &str) -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.join(name))
}
