//! The one error type of Clientela's server functions. It crosses the wire, so the browser
//! gets a typed error with a message in Portuguese; database details never leave the server.

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Sua sessão terminou. Entre novamente.")]
    Unauthenticated,
    #[error("E-mail ou senha inválidos.")]
    BadCredentials,
    #[error("Você não tem permissão para esta operação.")]
    Forbidden,
    #[error("Registro não encontrado.")]
    NotFound,
    /// Bad input, each message addressed to one field of the form.
    #[error("Corrija os campos indicados.")]
    Invalid(Vec<FieldMessage>),
    #[error("Muitas tentativas. Tente novamente em {}.", rules::display::wait_phrase(*.retry_after_secs))]
    TooManyRequests { retry_after_secs: i64 },
    #[error("{0}")]
    Conflict(String),
    /// The request itself is malformed (missing or mistyped fields): a client bug, not a crash.
    #[error("Requisição inválida: {0}")]
    BadRequest(String),
    /// The server or the database is busy (a lock or statement waited too long, too many
    /// password checks at once): nothing was changed, and trying again later may succeed.
    #[error("O sistema está ocupado. Tente novamente em instantes; nada foi alterado.")]
    Busy,
    /// Something failed on the server; the details are in the server log only.
    #[error("Erro interno. Tente novamente; se persistir, avise o suporte.")]
    Internal,
    /// The call itself failed (network, encoding).
    #[error("Falha de comunicação com o servidor.")]
    Transport,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

impl AppError {
    /// Bad input named field by field, as `rules` reports it.
    pub fn invalid(errors: Vec<rules::customer::FieldError>) -> Self {
        Self::Invalid(
            errors
                .into_iter()
                .map(|e| FieldMessage {
                    field: e.field.to_string(),
                    message: e.message,
                })
                .collect(),
        )
    }

    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldMessage {
            field: field.into(),
            message: message.into(),
        }])
    }

    /// The message for a given form field, if this error is about it.
    pub fn message_for(&self, name: &str) -> Option<String> {
        match self {
            Self::Invalid(messages) => messages
                .iter()
                .find(|m| m.field == name)
                .map(|m| m.message.clone()),
            _ => None,
        }
    }

    /// A refusal the user meets in normal use: bad input (422) or an edit made stale by someone
    /// else (409), read beside the form; a mistyped password (401); a session that ended (401,
    /// signed out elsewhere or expired), after which the page offers to sign in again. Not a
    /// malformed request, not a failure.
    pub fn is_expected_refusal(&self) -> bool {
        matches!(
            self,
            Self::Invalid(_) | Self::Conflict(_) | Self::BadCredentials | Self::Unauthenticated
        )
    }

    pub fn status_code(&self) -> u16 {
        match self {
            Self::Unauthenticated | Self::BadCredentials => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Invalid(_) => 422,
            Self::TooManyRequests { .. } => 429,
            Self::Conflict(_) => 409,
            Self::BadRequest(_) => 400,
            Self::Busy => 503,
            Self::Internal | Self::Transport => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::ServerError(_) => Self::Internal,
            // Arguments that do not decode (missing or misnamed fields, wrong types, a body
            // that is not text) are the client's mistake: 400, and nothing alarming in the log.
            ServerFnErrorErr::Args(detail) => malformed_request(&detail, false),
            ServerFnErrorErr::MissingArg(name) => {
                malformed_request(&format!("missing field `{name}`"), false)
            }
            // On the server, `Deserialization` is the request body failing to decode; in the
            // browser it is our own response failing to, which is a transport fault.
            ServerFnErrorErr::Deserialization(detail) if cfg!(feature = "ssr") => {
                malformed_request(&detail, true)
            }
            _ => Self::Transport,
        }
    }
}

/// A short Portuguese answer for a request whose arguments do not decode. Serde's text is
/// only kept for the debug log, except the name of a missing field (one of ours).
fn malformed_request(detail: &str, unreadable_body: bool) -> AppError {
    let missing = detail
        .split_once("missing field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(name, _)| name)
        .filter(|name| {
            !name.is_empty()
                && name.len() <= 40
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        });
    let message = match (missing, unreadable_body) {
        (Some(name), _) => format!("falta o campo {name}."),
        (None, true) => "corpo da requisição ilegível.".to_string(),
        (None, false) => "campos com nome ou tipo errado.".to_string(),
    };
    let error = AppError::BadRequest(message);
    #[cfg(feature = "ssr")]
    {
        tracing::debug!(%detail, "malformed server function request");
        crate::server::respond::give_status(&error);
    }
    error
}
