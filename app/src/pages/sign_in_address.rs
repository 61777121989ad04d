//! The sign-in page's address after a refused sign-in. The page is served without WebAssembly
//! (`shell::SCRIPT_FREE_PAGES`), so the browser posts the form itself and the server answers
//! with a redirect back to it: the address carries the e-mail typed, so it need not be typed
//! again, and the refusal, as a code of a closed list (`recusa=credenciais`), never as words.
//! Server-side only: a page whose address carries a refusal is never hydrated.

use leptos_router::params::ParamsMap;

use crate::error::AppError;

pub const EMAIL_PARAM: &str = "email";
const REFUSAL_PARAM: &str = "recusa";
/// A burst of failures: `tentativas-120`, the seconds to wait after the dash.
const TOO_MANY_PREFIX: &str = "tentativas-";
/// Anything else the sign-in can answer (a failure on the server): said in general words.
const OTHER: &str = "falha";

pub fn missing_email() -> AppError {
    AppError::field("email", "Informe o e-mail.")
}

pub fn invalid_email() -> AppError {
    AppError::field("email", "E-mail inválido.")
}

pub fn missing_password() -> AppError {
    AppError::field("password", "Informe a senha.")
}

/// The refusals the address names, each by a code. The page shows only these messages, never
/// text from the address, so a crafted link cannot put words of its own on the sign-in page.
fn named() -> [(&'static str, AppError); 6] {
    [
        ("credenciais", AppError::BadCredentials),
        ("email", missing_email()),
        ("email-invalido", invalid_email()),
        ("senha", missing_password()),
        ("sem-empresa", AppError::Forbidden),
        ("ocupado", AppError::Busy),
    ]
}

/// `/entrar?email=…&recusa=credenciais`.
pub fn retry_path(email: &str, error: &AppError) -> String {
    use crate::customers::list_types::encode;

    let code = match error {
        AppError::TooManyRequests { retry_after_secs } => {
            format!("{TOO_MANY_PREFIX}{retry_after_secs}")
        }
        other => named()
            .into_iter()
            .find(|(_, known)| known == other)
            .map_or(OTHER, |(code, _)| code)
            .to_string(),
    };
    format!(
        "/entrar?{EMAIL_PARAM}={}&{REFUSAL_PARAM}={code}",
        encode(email)
    )
}

/// The refusal a redirect back to the page carries; a code not of ours is none.
pub fn refusal(query: &ParamsMap) -> Option<AppError> {
    let code = query.get_str(REFUSAL_PARAM)?;
    if let Some(secs) = code.strip_prefix(TOO_MANY_PREFIX) {
        if let Ok(retry_after_secs) = secs.parse::<u32>() {
            return Some(AppError::TooManyRequests {
                retry_after_secs: i64::from(retry_after_secs),
            });
        }
    }
    if code == OTHER {
        return Some(AppError::Internal);
    }
    named()
        .into_iter()
        .find(|(known, _)| *known == code)
        .map(|(_, error)| error)
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

        let burst = AppError::TooManyRequests {
            retry_after_secs: 120,
        };
        let path = retry_path("a@b.br", &burst);
        assert!(path.ends_with("&recusa=tentativas-120"), "{path}");
        assert_eq!(refusal(&query_of(&path)), Some(burst.clone()));
        assert_eq!(
            burst.to_string(),
            "Muitas tentativas. Tente novamente em 2 minutos."
        );
    }

    #[test]
    fn the_address_names_a_refusal_by_code_and_never_carries_its_words() {
        let path = retry_path("a@b.br", &AppError::Conflict("Ligue para 0800".to_string()));
        assert_eq!(path, "/entrar?email=a%40b.br&recusa=falha");
        assert_eq!(refusal(&query_of(&path)), Some(AppError::Internal));
        // A code not of ours is no refusal, and its text is shown nowhere.
        assert_eq!(
            refusal(&query_of("/entrar?recusa=Ligue%20para%200800")),
            None
        );
        assert_eq!(refusal(&query_of("/entrar?recusa=tentativas-x")), None);
    }

    #[test]
    fn no_code_is_no_refusal() {
        let mut query = ParamsMap::new();
        assert_eq!(refusal(&query), None);
        query.insert("__err".to_string(), "IkJhZENyZWRlbnRpYWxzIg==".to_string());
        assert_eq!(refusal(&query), None);
        assert_eq!(typed_email(&query), "");
    }
}
