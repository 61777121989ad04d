//! How our own pages call the server functions: the browser's `fetch`, plus one header that
//! asks the server to answer an expected refusal (bad input 422, stale edit 409, wrong
//! password 401) with 200 and the refusal's status in `X-Clientela-Refusal`. Chromium logs
//! every 4xx/5xx answer as "Failed to load resource" in the console, so a user typing a wrong
//! CPF would look like an error of the page (issue 10, item 13). The server keeps deciding
//! exactly as before, and any other client (curl, the integration tests) still gets 422 and 409.
//!
//! On the way back the refusal's status is put back in place, so the server-function client
//! decodes the body as our `AppError`, exactly as it would on a 422.
//!
//! The browser side calls `fetch` itself and reads the whole answer at once: reading one header
//! through server_fn's response meant building an `http::HeaderMap` of all of them, and the
//! header-name parser that comes with it weighed more in the WebAssembly than this whole client.

/// Sent by our pages: "answer an expected refusal with 200".
pub const REFUSAL_IN_BODY_HEADER: &str = "x-clientela-refusals";
/// The refusal's real status on a 200 answer (`422`, `409`, `401`).
pub const REFUSAL_STATUS_HEADER: &str = "x-clientela-refusal";

/// The client of every server function in `api/`.
pub struct AppClient;

/// The event our client sends the window when the server says the session is over (signed
/// out elsewhere, expired): the top bar then offers to sign in again (components/top_bar.rs).
pub const SESSION_ENDED_EVENT: &str = "clientela-session-ended";

/// Whether an answer is the server's "no live session" (`AppError::Unauthenticated`).
pub fn says_session_ended(status: u16, body: &[u8]) -> bool {
    status == 401 && body == br#""Unauthenticated""#
}

/// The status to decode an answer by: the refusal's when the server put one in the header.
pub fn effective_status(status: u16, refusal_header: Option<&str>) -> u16 {
    refusal_header
        .and_then(|v| v.parse::<u16>().ok())
        .filter(|s| (400..=499).contains(s))
        .unwrap_or(status)
}

#[cfg(feature = "hydrate")]
pub use browser::AppResponse;

#[cfg(feature = "hydrate")]
mod browser {
    use super::{
        effective_status, says_session_ended, AppClient, REFUSAL_IN_BODY_HEADER,
        REFUSAL_STATUS_HEADER, SESSION_ENDED_EVENT,
    };
    use futures::{Sink, Stream};
    use send_wrapper::SendWrapper;
    use server_fn::client::browser::BrowserClient;
    use server_fn::client::Client;
    use server_fn::error::{FromServerFnError, ServerFnErrorErr};
    use server_fn::redirect::REDIRECT_HEADER;
    use server_fn::request::browser::BrowserRequest;
    use server_fn::response::ClientRes;
    use server_fn::Bytes;
    use std::future::Future;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::{js_sys::Uint8Array, JsFuture};
    use web_sys::{AbortController, Request, RequestInit, Response};

    /// A whole answer: status, the headers server_fn asks about, and the body.
    pub struct AppResponse {
        status: u16,
        status_text: String,
        location: String,
        redirect: bool,
        body: Bytes,
    }

    /// Aborts the request when the caller drops the call before the answer is read (a list
    /// search superseded by the next keystroke), as server_fn's own client does.
    struct AbortOnDrop(Option<AbortController>);

    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            if let Some(controller) = self.0.take() {
                controller.abort();
            }
        }
    }

    fn request_error<E: FromServerFnError>(error: JsValue) -> E {
        let message = error
            .as_string()
            .or_else(|| {
                error
                    .dyn_ref::<wasm_bindgen_futures::js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "a requisição falhou".to_string());
        E::from_server_fn_error(ServerFnErrorErr::Request(message))
    }

    async fn fetch_whole(req: BrowserRequest) -> Result<AppResponse, JsValue> {
        req.headers().set(REFUSAL_IN_BODY_HEADER, "1");
        // server_fn's request carries an abort signal that fires when its wrapper is dropped,
        // which happens right here: the request is sent again with a signal of our own.
        let built: Request = req.into();
        let controller = AbortController::new()?;
        let init = RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        let request = Request::new_with_request_and_init(&built, &init)?;
        let mut abort = AbortOnDrop(Some(controller));
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("sem janela"))?;
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await?
            .dyn_into()?;
        let buffer = JsFuture::from(response.array_buffer()?).await?;
        abort.0 = None;
        let headers = response.headers();
        let header = |name: &str| headers.get(name).ok().flatten();
        let status = effective_status(response.status(), header(REFUSAL_STATUS_HEADER).as_deref());
        let body = Bytes::from(Uint8Array::new(&buffer).to_vec());
        if says_session_ended(status, &body) {
            if let Ok(event) = web_sys::Event::new(SESSION_ENDED_EVENT) {
                let _ = window.dispatch_event(&event);
            }
        }
        Ok(AppResponse {
            status,
            status_text: response.status_text(),
            location: header("Location").unwrap_or_else(|| response.url()),
            redirect: header(REDIRECT_HEADER).is_some(),
            body,
        })
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
            SendWrapper::new(async move { fetch_whole(req).await.map_err(request_error::<E>) })
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
        async fn try_into_string(self) -> Result<String, E> {
            String::from_utf8(self.body.to_vec()).map_err(|e| {
                E::from_server_fn_error(ServerFnErrorErr::Deserialization(e.to_string()))
            })
        }

        async fn try_into_bytes(self) -> Result<Bytes, E> {
            Ok(self.body)
        }

        fn try_into_stream(
            self,
        ) -> Result<impl Stream<Item = Result<Bytes, Bytes>> + Send + Sync + 'static, E> {
            Ok(futures::stream::iter([Ok(self.body)]))
        }

        fn status(&self) -> u16 {
            self.status
        }

        fn status_text(&self) -> String {
            self.status_text.clone()
        }

        fn location(&self) -> String {
            self.location.clone()
        }

        fn has_redirect(&self) -> bool {
            self.redirect
        }
    }
}

/// Natively (server rendering, tests) the pages never call the server over HTTP: this only
/// satisfies the server functions' declared client.
#[cfg(not(feature = "hydrate"))]
mod native {
    use super::AppClient;
    use futures::{Sink, Stream};
    use server_fn::client::browser::BrowserClient;
    use server_fn::client::Client;
    use server_fn::error::FromServerFnError;
    use server_fn::request::browser::BrowserRequest;
    use server_fn::response::browser::BrowserResponse;
    use server_fn::Bytes;
    use std::future::Future;

    impl<E, IS, OS> Client<E, IS, OS> for AppClient
    where
        E: FromServerFnError,
        IS: FromServerFnError,
        OS: FromServerFnError,
    {
        type Request = BrowserRequest;
        type Response = BrowserResponse;

        fn send(req: Self::Request) -> impl Future<Output = Result<Self::Response, E>> + Send {
            <BrowserClient as Client<E, IS, OS>>::send(req)
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
}

#[cfg(test)]
mod tests {
    use super::{effective_status, says_session_ended};
    use crate::error::AppError;
    use server_fn::error::FromServerFnError;

    #[test]
    fn only_the_no_session_refusal_says_the_session_ended() {
        assert!(says_session_ended(401, &AppError::Unauthenticated.ser()));
        assert!(!says_session_ended(401, &AppError::BadCredentials.ser()));
        assert!(!says_session_ended(403, &AppError::Forbidden.ser()));
        assert!(!says_session_ended(200, &AppError::Unauthenticated.ser()));
    }

    #[test]
    fn a_refusal_in_the_header_replaces_the_200() {
        assert_eq!(effective_status(200, Some("422")), 422);
        assert_eq!(effective_status(200, Some("409")), 409);
        assert_eq!(effective_status(200, None), 200);
    }

    #[test]
    fn only_a_client_error_status_is_taken_from_the_header() {
        assert_eq!(effective_status(200, Some("500")), 200);
        assert_eq!(effective_status(200, Some("301")), 200);
        assert_eq!(effective_status(200, Some("abc")), 200);
        assert_eq!(effective_status(503, None), 503);
    }
}
