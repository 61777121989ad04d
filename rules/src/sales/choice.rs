//! One way to declare a fixed choice of the sales defaults (credit use, purpose, delivery block,
//! …): each variant has a stored code, stable forever (PostgreSQL keeps it as text and the
//! browser receives it), and the Portuguese label the screens show. Serde writes and reads the
//! code itself, so the database, the wire and `code()` can never disagree.

/// `choice! { pub enum Name { Variant = "code" => "Rótulo", … } }` declares the enum with
/// `ALL` (in the order the form offers them), `code`, `from_code`, `label` and serde as `code`.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $code:literal => $label:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
        }

        impl $name {
            /// Every choice, in the order the form offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stored in the database and sent to the browser; never renamed once shipped.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// What the screens show.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <String as serde::Deserialize>::deserialize(deserializer)?;
                $name::from_code(&code)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&code, &[$($code),+]))
            }
        }
    };
}

pub(crate) use choice;

/// Test helper: what serde reads from a stored code, without a JSON dependency.
#[cfg(test)]
pub(crate) fn from_stored<'de, T: serde::Deserialize<'de>>(
    code: &'de str,
) -> Result<T, serde::de::value::Error> {
    use serde::de::IntoDeserializer;
    T::deserialize(code.into_deserializer())
}

/// Test helper: every choice's code is snake_case, unique, read back by `from_code` and by serde.
#[cfg(test)]
pub(crate) fn assert_stable_codes<T>(all: &[T], code: fn(T) -> &'static str)
where
    T: Copy + PartialEq + std::fmt::Debug + for<'de> serde::Deserialize<'de>,
{
    let mut seen = std::collections::HashSet::new();
    for &choice in all {
        let text = code(choice);
        assert!(
            !text.is_empty()
                && text
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{text} is not snake_case"
        );
        assert!(seen.insert(text), "{text} is used twice");
        assert_eq!(from_stored::<T>(text), Ok(choice));
    }
    assert!(from_stored::<T>("not_a_choice").is_err());
}
