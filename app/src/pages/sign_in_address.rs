//! The sign-in page's address after a refused sign-in. The page is served without WebAssembly
//! (`shell::SCRIPT_FREE_PAGES`), so the browser posts the form itself and the server answers
//! with a redirect back to it: the address carries the e-mail typed, so it need not be typed
//! again, and the refusal, as a code of a closed list (`recusa=credenciais`), never as words.
//! The page asked for before signing in rides along (`volta`), so the visitor lands on it.

use leptos_router::params::ParamsMap;

use crate::error::AppError;

pub const EMAIL_PARAM: &str = "email";
/// The page the visitor asked for before being sent here, to go on to once signed in.
pub const RETURN_PARAM: &str = "volta";
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

/// The sign-in page for a visitor who asked for `asked` (path and query): `/entrar?volta=…`,
/// or plain `/entrar` when it is the home page or not a page of ours.
pub fn sign_in_path_for(asked: &str) -> String {
    use crate::customers::list_types::encode;

    match return_path(asked) {
        Some(path) if path != "/" => format!("/entrar?{RETURN_PARAM}={}", encode(path)),
        _ => "/entrar".to_string(),
    }
}

/// Where to go once signed in: `asked` if it is a path of this site (never another site's
/// address, `//host` or `/\\host`, which browsers read as one, nor the sign-in page itself).
pub fn return_path(asked: &str) -> Option<&str> {
    let local = asked.starts_with('/')
        && !asked.starts_with("//")
        && !asked.starts_with("/\\")
        && !asked.chars().any(char::is_control);
    let sign_in =
        asked == "/entrar" || asked.starts_with("/entrar?") || asked.starts_with("/entrar/");
    (local && !sign_in).then_some(asked)
}

/// The page to go on to, from the sign-in page's address.
pub fn asked_path(query: &ParamsMap) -> Option<String> {
    query
        .get(RETURN_PARAM)
        .and_then(|asked| return_path(&asked).map(str::to_string))
}

/// `/entrar?email=…&recusa=credenciais` (and `&volta=…` when a page was asked for).
pub fn retry_path(email: &str, error: &AppError, asked: Option<&str>) -> String {
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
    let back = asked
        .and_then(return_path)
        .map(|path| format!("&{RETURN_PARAM}={}", encode(path)))
        .unwrap_or_default();
    format!(
        "/entrar?{EMAIL_PARAM}={}&{REFUSAL_PARAM}={code}{back}",
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
        let path = retry_path("joão+1@demo.clientela.app", &AppError::BadCredentials, None);
        assert!(path.starts_with("/entrar?email="), "{path}");
        let query = query_of(&path);
        assert_eq!(typed_email(&query), "joão+1@demo.clientela.app");
        assert_eq!(refusal(&query), Some(AppError::BadCredentials));

        let refused = AppError::field("password", "Informe a senha.");
        let query = query_of(&retry_path("", &refused, None));
        assert_eq!(refusal(&query), Some(refused));

        let burst = AppError::TooManyRequests {
            retry_after_secs: 120,
        };
        let path = retry_path("a@b.br", &burst, None);
        assert!(path.ends_with("&recusa=tentativas-120"), "{path}");
        assert_eq!(refusal(&query_of(&path)), Some(burst.clone()));
        assert_eq!(
            burst.to_string(),
            "Muitas tentativas. Tente novamente em 2 minutos."
        );
    }

    #[test]
    fn the_address_names_a_refusal_by_code_and_never_carries_its_words() {
        let path = retry_path(
            "a@b.br",
            &AppError::Conflict("Ligue para 0800".to_string()),
            None,
        );
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
    fn the_page_asked_for_is_kept_through_sign_in_and_never_another_sites() {
        let path = sign_in_path_for("/financeiro/contas-a-receber?vendedor=V03");
        assert_eq!(
            path,
            "/entrar?volta=%2Ffinanceiro%2Fcontas-a-receber%3Fvendedor%3DV03"
        );
        let query = query_of(&path);
        assert_eq!(
            asked_path(&query).as_deref(),
            Some("/financeiro/contas-a-receber?vendedor=V03")
        );
        let again = retry_path(
            "a@b.br",
            &AppError::BadCredentials,
            asked_path(&query).as_deref(),
        );
        assert_eq!(
            asked_path(&query_of(&again)).as_deref(),
            Some("/financeiro/contas-a-receber?vendedor=V03")
        );
        assert_eq!(sign_in_path_for("/"), "/entrar");
        for foreign in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example/",
            "evil",
            "/entrar?volta=/x",
            "/a\nb",
        ] {
            assert_eq!(return_path(foreign), None, "{foreign}");
            assert_eq!(sign_in_path_for(foreign), "/entrar", "{foreign}");
        }
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
