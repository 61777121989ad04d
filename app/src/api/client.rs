//! How our own pages call the server functions: the browser's `fetch`, plus one header that
//! asks the server to answer an expected refusal (bad input 422, stale edit 409, wrong
//! password 401) with 200 and the refusal's status in `X-Clientela-Refusal`. Chromium logs
//! every 4xx/5xx answer as "Failed to load resource" in the console, so a user typing a wrong
//! CPF would look like an error of the page (issue 10, item 13). The server keeps deciding exactly as before, and any
//! other client (curl, the integration tests) still gets 422 and 409.
//!
//! On the way back the refusal's status is put back in place, so the server-function client
//! decodes the body as our `AppError`, exactly as it would on a 422.

use futures::{Sink, Stream};
use server_fn::client::browser::BrowserClient;
use server_fn::client::Client;
use server_fn::error::FromServerFnError;
use server_fn::request::browser::BrowserRequest;
use server_fn::response::browser::BrowserResponse;
use server_fn::response::ClientRes;
use server_fn::Bytes;
use std::future::Future;

/// Sent by our pages: "answer an expected refusal with 200".
pub const REFUSAL_IN_BODY_HEADER: &str = "x-clientela-refusals";
/// The refusal's real status on a 200 answer (`422`, `409`, `401`).
pub const REFUSAL_STATUS_HEADER: &str = "x-clientela-refusal";

/// The client of every server function in `api/`.
pub struct AppClient;

/// A response whose status is the refusal's when the server sent one in the header.
pub struct AppResponse {
    inner: BrowserResponse,
    status: u16,
}

impl<E, IS, OS> Client<E, IS, OS> for AppClient
where
    E: FromServerFnError,
    IS: FromServerFnError,
    OS: FromServerFnError,
{
    type Request = BrowserRequest;
    type Response = AppResponse;

    fn send(req: Self::Request) -> impl Future<Output = Result<Self::Response, E>> + Send {
        req.headers().set(REFUSAL_IN_BODY_HEADER, "1");
        let sent = <BrowserClient as Client<E, IS, OS>>::send(req);
        async move {
            let inner = sent.await?;
            let status = inner
                .generate_headers()
                .get(REFUSAL_STATUS_HEADER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u16>().ok())
                .filter(|s| (400..=499).contains(s))
                .unwrap_or_else(|| ClientRes::<E>::status(&inner));
            Ok(AppResponse { inner, status })
        }
    }

    #[allow(clippy::type_complexity)]
    fn open_websocket(
        path: &str,
    ) -> impl Future<
        Output = Result<
            (
                impl Stream<Item = Result<Bytes, Bytes>> + Send + 'static,
                impl Sink<Bytes> + Send + 'static,
            ),
            E,
        >,
    > + Send {
        <BrowserClient as Client<E, IS, OS>>::open_websocket(path)
    }

    fn spawn(future: impl Future<Output = ()> + Send + 'static) {
        <BrowserClient as Client<E, IS, OS>>::spawn(future)
    }
}

impl<E: FromServerFnError> ClientRes<E> for AppResponse {
    fn try_into_string(self) -> impl Future<Output = Result<String, E>> + Send {
        ClientRes::<E>::try_into_string(self.inner)
    }

    fn try_into_bytes(self) -> impl Future<Output = Result<Bytes, E>> + Send {
        ClientRes::<E>::try_into_bytes(self.inner)
    }

    fn try_into_stream(
        self,
    ) -> Result<impl Stream<Item = Result<Bytes, Bytes>> + Send + Sync + 'static, E> {
        ClientRes::<E>::try_into_stream(self.inner)
    }

    fn status(&self) -> u16 {
        self.status
    }

    fn status_text(&self) -> String {
        ClientRes::<E>::status_text(&self.inner)
    }

    fn location(&self) -> String {
        ClientRes::<E>::location(&self.inner)
    }

    fn has_redirect(&self) -> bool {
        ClientRes::<E>::has_redirect(&self.inner)
    }
}
