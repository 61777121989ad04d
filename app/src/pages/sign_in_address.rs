//! The sign-in page's address after a refused sign-in. The page is served without WebAssembly
//! (`shell::SCRIPT_FREE_PAGES`), so the browser posts the form itself and the server answers
//! with a redirect back to it: the address carries the e-mail typed, so it need not be typed
//! again, and the refusal, in the encoding Leptos uses for a server function's error in a URL.
//! Server-side only: a page whose address carries a refusal is never hydrated.

use leptos_router::params::ParamsMap;
use server_fn::error::ServerFnUrlError;
use server_fn::ServerFn;

use crate::api::SignIn;
use crate::error::AppError;

pub const EMAIL_PARAM: &str = "email";
const FUNCTION_PARAM: &str = "__path";
const ERROR_PARAM: &str = "__err";

/// `/entrar?email=…&__path=/api/sign_in&__err=…`.
pub fn retry_path(email: &str, error: &AppError) -> String {
    use crate::customers::list_types::encode;

    let base = format!("http://page/entrar?{EMAIL_PARAM}={}", encode(email));
    match ServerFnUrlError::new(SignIn::PATH, error.clone()).to_url(&base) {
        Ok(url) => format!("{}?{}", url.path(), url.query().unwrap_or_default()),
        Err(_) => "/entrar".to_string(),
    }
}

/// The refusal a redirect back to the page carries, if it is the sign-in's.
pub fn refusal(query: &ParamsMap) -> Option<AppError> {
    let error = query.get_str(ERROR_PARAM)?;
    (query.get_str(FUNCTION_PARAM) == Some(SignIn::PATH))
        .then(|| ServerFnUrlError::<AppError>::decode_err(error))
}

/// The e-mail typed before the refusal.
pub fn typed_email(query: &ParamsMap) -> String {
    query.get(EMAIL_PARAM).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::list_types::decode;

    fn query_of(path: &str) -> ParamsMap {
        let mut query = ParamsMap::new();
        let search = path.split_once('?').map(|(_, q)| q).unwrap_or_default();
        for pair in search.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            query.insert(key.to_string(), decode(value));
        }
        query
    }

    #[test]
    fn the_address_back_carries_the_email_and_the_refusal() {
        let path = retry_path("joão+1@demo.clientela.app", &AppError::BadCredentials);
        assert!(path.starts_with("/entrar?email="), "{path}");
        let query = query_of(&path);
        assert_eq!(typed_email(&query), "joão+1@demo.clientela.app");
        assert_eq!(refusal(&query), Some(AppError::BadCredentials));

        let refused = AppError::field("password", "Informe a senha.");
        let query = query_of(&retry_path("", &refused));
        assert_eq!(refusal(&query), Some(refused));
    }

    #[test]
    fn another_functions_error_or_none_is_not_the_sign_ins() {
        let mut query = ParamsMap::new();
        assert_eq!(refusal(&query), None);
        query.insert("__path".to_string(), "/api/other".to_string());
        query.insert("__err".to_string(), "IkJhZENyZWRlbnRpYWxzIg==".to_string());
        assert_eq!(refusal(&query), None);
        assert_eq!(typed_email(&query), "");
    }
}
