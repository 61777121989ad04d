//! A `Link` header on every page naming the bundle its `<head>` names (the stylesheet, the
//! JavaScript modules and the main WebAssembly part), so the browser starts fetching them when
//! the page's headers arrive rather than once it has downloaded and read the `<head>`. On a phone
//! on Slow 4G with a 4× slower CPU (scripts/bench-phone.sh) that wait was 60–170 ms, all of it
//! before the largest download of the page could begin.

use axum::body::Body;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::LeptosOptions;

use crate::hash_file;

/// The header's value, worked out once at start-up; `None` when the bundle's names are not
/// hashed (cargo-leptos' watch mode), where a page is read on the developer's own machine.
#[derive(Clone, Debug, Default)]
pub struct PreloadLinks(Option<HeaderValue>);

impl PreloadLinks {
    /// From cargo-leptos' hash file, the one Leptos reads to name the files in the `<head>`.
    pub fn from_options(options: &LeptosOptions) -> Self {
        if !options.hash_files {
            return Self(None);
        }
        let hashes = hash_file::beside_exe(&options.hash_file)
            .and_then(|path| std::fs::read_to_string(path).ok());
        Self(hashes.and_then(|hashes| {
            let value = link_header(&options.site_pkg_dir, &options.output_name, &hashes)?;
            HeaderValue::from_str(&value).ok()
        }))
    }
}

/// `</pkg/clientela.<css>.css>; rel=preload; as=style, …` from the hash file's `css:`, `js:`,
/// `wasm:` and `split:` lines; `None` when one of the first three is missing. The WebAssembly
/// is fetched by wasm-bindgen's `fetch()` (CORS mode, same-origin credentials): `crossorigin`
/// makes the preload match it, as the `<head>`'s own preload does.
pub fn link_header(pkg_dir: &str, output_name: &str, hashes: &str) -> Option<String> {
    let hash = |kind: &str| {
        hashes.lines().find_map(|line| {
            let (file, hash) = line.split_once(':')?;
            (file.trim() == kind && !hash.trim().is_empty()).then(|| hash.trim().to_string())
        })
    };
    let pkg = format!("/{}", pkg_dir.trim_matches('/'));
    let mut links = vec![
        format!(
            "<{pkg}/{output_name}.{}.css>; rel=preload; as=style",
            hash("css")?
        ),
        format!("<{pkg}/{output_name}.{}.js>; rel=modulepreload", hash("js")?),
        format!(
            "<{pkg}/{output_name}.{}.wasm>; rel=preload; as=fetch; type=\"application/wasm\"; crossorigin",
            hash("wasm")?
        ),
    ];
    if let Some(split) = hash("split") {
        links.push(format!(
            "<{pkg}/__wasm_split.{split}.js>; rel=modulepreload"
        ));
    }
    Some(links.join(", "))
}

pub async fn add_preload_links(links: PreloadLinks, req: Request<Body>, next: Next) -> Response {
    let mut response = next.run(req).await;
    let Some(value) = links.0 else {
        return response;
    };
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_page {
        response.headers_mut().insert(header::LINK, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::link_header;

    const HASHES: &str = "js: R75GJpTADG6gG8cpLM3_hw\nwasm: bE3UIuBq4bx_dQXwu77dcw\n\
        css: CPw05V_HvFgRSIOjBMNIiA\nmanifest: vl59jEPIXv5-jXx2ODMvHQ\nsplit: chq13DSWW9r8IZnGBjb87g\n";

    #[test]
    fn names_the_stylesheet_the_modules_and_the_main_webassembly_part() {
        assert_eq!(
            link_header("pkg", "clientela", HASHES).unwrap(),
            "</pkg/clientela.CPw05V_HvFgRSIOjBMNIiA.css>; rel=preload; as=style, \
             </pkg/clientela.R75GJpTADG6gG8cpLM3_hw.js>; rel=modulepreload, \
             </pkg/clientela.bE3UIuBq4bx_dQXwu77dcw.wasm>; rel=preload; as=fetch; \
             type=\"application/wasm\"; crossorigin, \
             </pkg/__wasm_split.chq13DSWW9r8IZnGBjb87g.js>; rel=modulepreload"
        );
    }

    #[test]
    fn a_build_without_split_parts_has_no_split_module_and_a_partial_file_gives_nothing() {
        let unsplit = "js: a\nwasm: b\ncss: c\n";
        assert!(!link_header("/pkg/", "clientela", unsplit)
            .unwrap()
            .contains("__wasm_split"));
        assert_eq!(link_header("pkg", "clientela", "js: a\ncss: c\n"), None);
        assert_eq!(link_header("pkg", "clientela", ""), None);
    }
}
