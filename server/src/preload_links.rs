//! A `Link` header on every page naming the bundle its `<head>` names (the stylesheet, the
//! JavaScript modules and the main WebAssembly part), so the browser starts fetching them when
//! the page's headers arrive rather than once it has downloaded and read the `<head>`. On a phone
//! on Slow 4G with a 4× slower CPU (scripts/bench-phone.sh) that wait was 60–170 ms, all of it
//! before the largest download of the page could begin.
//!
//! A script-free page (`app::shell::SCRIPT_FREE_PAGES`, the sign-in page) runs none of it: it
//! preloads its stylesheet and prefetches the rest, which the browser fetches at the lowest
//! priority while the user reads and types, and the page after it finds in the cache.

use axum::body::Body;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::LeptosOptions;

use crate::caching::is_html;
use crate::hash_file;

/// What a page does with the bundle it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BundleUse {
    /// It runs the bundle now: fetch it at once.
    Runs,
    /// It runs none of it: fetch it for the next page, when the network is idle.
    ForTheNextPage,
}

/// The headers' values, worked out once at start-up; `None` when the bundle's names are not
/// hashed (cargo-leptos' watch mode), where a page is read on the developer's own machine.
#[derive(Clone, Debug, Default)]
pub struct PreloadLinks(Option<(HeaderValue, HeaderValue)>);

impl PreloadLinks {
    /// From cargo-leptos' hash file, the one Leptos reads to name the files in the `<head>`.
    pub fn from_options(options: &LeptosOptions) -> Self {
        if !options.hash_files {
            return Self(None);
        }
        let Some(hashes) = hash_file::beside_exe(&options.hash_file)
            .and_then(|path| std::fs::read_to_string(path).ok())
        else {
            return Self(None);
        };
        let value = |bundle_use| {
            let value = link_header(
                &options.site_pkg_dir,
                &options.output_name,
                &hashes,
                bundle_use,
            )?;
            HeaderValue::from_str(&value).ok()
        };
        Self(value(BundleUse::Runs).zip(value(BundleUse::ForTheNextPage)))
    }
}

/// `</pkg/clientela.<css>.css>; rel=preload; as=style, …` from the hash file's `css:`, `js:`,
/// `wasm:` and `split:` lines; `None` when one of the first three is missing. The WebAssembly
/// is fetched by wasm-bindgen's `fetch()` (CORS mode, same-origin credentials) and the modules
/// by `import` (CORS mode too): `crossorigin` makes a prefetch or preload match them, as the
/// `<head>`'s own preload does.
pub fn link_header(
    pkg_dir: &str,
    output_name: &str,
    hashes: &str,
    bundle_use: BundleUse,
) -> Option<String> {
    let hash = |kind: &str| {
        hashes.lines().find_map(|line| {
            let (file, hash) = line.split_once(':')?;
            (file.trim() == kind && !hash.trim().is_empty()).then(|| hash.trim().to_string())
        })
    };
    let (module, wasm) = match bundle_use {
        BundleUse::Runs => (
            "rel=modulepreload",
            "rel=preload; as=fetch; type=\"application/wasm\"; crossorigin",
        ),
        BundleUse::ForTheNextPage => ("rel=prefetch; crossorigin", "rel=prefetch; crossorigin"),
    };
    let pkg = format!("/{}", pkg_dir.trim_matches('/'));
    let mut links = vec![
        format!(
            "<{pkg}/{output_name}.{}.css>; rel=preload; as=style",
            hash("css")?
        ),
        format!("<{pkg}/{output_name}.{}.js>; {module}", hash("js")?),
        format!("<{pkg}/{output_name}.{}.wasm>; {wasm}", hash("wasm")?),
    ];
    if let Some(split) = hash("split") {
        links.push(format!("<{pkg}/__wasm_split.{split}.js>; {module}"));
    }
    Some(links.join(", "))
}

pub async fn add_preload_links(links: PreloadLinks, req: Request<Body>, next: Next) -> Response {
    let script_free = app::shell::is_script_free(req.uri().path());
    let mut response = next.run(req).await;
    let Some((runs, for_the_next_page)) = links.0 else {
        return response;
    };
    if is_html(&response) {
        let value = if script_free { for_the_next_page } else { runs };
        response.headers_mut().insert(header::LINK, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::{link_header, BundleUse};

    const HASHES: &str = "js: R75GJpTADG6gG8cpLM3_hw\nwasm: bE3UIuBq4bx_dQXwu77dcw\n\
        css: CPw05V_HvFgRSIOjBMNIiA\nmanifest: vl59jEPIXv5-jXx2ODMvHQ\nsplit: chq13DSWW9r8IZnGBjb87g\n";

    #[test]
    fn names_the_stylesheet_the_modules_and_the_main_webassembly_part() {
        assert_eq!(
            link_header("pkg", "clientela", HASHES, BundleUse::Runs).unwrap(),
            "</pkg/clientela.CPw05V_HvFgRSIOjBMNIiA.css>; rel=preload; as=style, \
             </pkg/clientela.R75GJpTADG6gG8cpLM3_hw.js>; rel=modulepreload, \
             </pkg/clientela.bE3UIuBq4bx_dQXwu77dcw.wasm>; rel=preload; as=fetch; \
             type=\"application/wasm\"; crossorigin, \
             </pkg/__wasm_split.chq13DSWW9r8IZnGBjb87g.js>; rel=modulepreload"
        );
    }

    #[test]
    fn a_script_free_page_preloads_its_stylesheet_and_prefetches_the_rest() {
        assert_eq!(
            link_header("pkg", "clientela", HASHES, BundleUse::ForTheNextPage).unwrap(),
            "</pkg/clientela.CPw05V_HvFgRSIOjBMNIiA.css>; rel=preload; as=style, \
             </pkg/clientela.R75GJpTADG6gG8cpLM3_hw.js>; rel=prefetch; crossorigin, \
             </pkg/clientela.bE3UIuBq4bx_dQXwu77dcw.wasm>; rel=prefetch; crossorigin, \
             </pkg/__wasm_split.chq13DSWW9r8IZnGBjb87g.js>; rel=prefetch; crossorigin"
        );
    }

    #[test]
    fn a_build_without_split_parts_has_no_split_module_and_a_partial_file_gives_nothing() {
        let unsplit = "js: a\nwasm: b\ncss: c\n";
        assert!(!link_header("/pkg/", "clientela", unsplit, BundleUse::Runs)
            .unwrap()
            .contains("__wasm_split"));
        assert_eq!(
            link_header("pkg", "clientela", "js: a\ncss: c\n", BundleUse::Runs),
            None
        );
        assert_eq!(
            link_header("pkg", "clientela", "", BundleUse::ForTheNextPage),
            None
        );
    }
}
