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
    #[error("Muitas tentativas. Tente novamente em {retry_after_secs} segundos.")]
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
            _ => Self::Transport,
        }
    }
}
