//! The resources of our screens: a server function's answer, loaded on the server while the
//! page renders and handed to the browser inside the HTML.
//!
//! Leptos' default codec reads that HTML copy with `serde_json::from_str`, while the
//! server-function client reads every later answer with `serde_json::from_slice`: two readers,
//! so the WebAssembly carried every answer type's decoder twice. This codec reads the HTML copy
//! with `from_slice` too, and each decoder is compiled once (issue 10, the bundle).

use leptos::prelude::Resource;
use leptos::server::codee::{Decoder, Encoder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

use crate::error::AppError;

/// JSON both ways, read from bytes.
pub struct JsonBytes;

impl<T: Serialize> Encoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(val)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(val.as_bytes())
    }
}

/// A server function's answer as a resource.
pub type ApiResource<T> = Resource<Result<T, AppError>, JsonBytes>;

/// `Resource::new` with [`JsonBytes`]: refetched whenever `source` changes.
#[track_caller]
pub fn api_resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> ApiResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}
