//! A customer's e-mails and phones: several in one field each, checked and stored tidy.

fn plausible_email(email: &str) -> bool {
    email.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    })
}

/// Several e-mails in one field, separated by `;`, `,` or spaces; stored lower case, `; `
/// between them, each once. Every wrong one is named at once.
pub fn parse_emails(input: &str) -> Result<Option<String>, String> {
    let mut emails: Vec<String> = Vec::new();
    let mut wrong: Vec<String> = Vec::new();
    for email in input
        .split(|c: char| c == ';' || c == ',' || c.is_whitespace())
        .filter(|e| !e.is_empty())
    {
        let email = email.to_lowercase();
        let list = if plausible_email(&email) {
            &mut emails
        } else {
            &mut wrong
        };
        if !list.contains(&email) {
            list.push(email);
        }
    }
    match wrong.as_slice() {
        [] => Ok(Some(emails.join("; ")).filter(|e| !e.is_empty())),
        [one] => Err(format!("E-mail inválido: {one}.")),
        several => Err(format!("E-mails inválidos: {}.", several.join(", "))),
    }
}

/// Several phones in one field, separated by `;`, `,` or `/` (a phone has none of them);
/// each needs its DDD (10 or 11 digits, or 12–13 with the country code) and is stored
/// `(51) 3591-1234`.
pub fn parse_phones(input: &str) -> Result<Option<String>, String> {
    let mut phones: Vec<String> = Vec::new();
    for phone in input
        .split([';', ',', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let local = match digits.len() {
            10 | 11 => digits.as_str(),
            12 | 13 if digits.starts_with("55") => &digits[2..],
            _ => {
                return Err(format!(
                    "Telefone {phone}: informe DDD e número (10 ou 11 dígitos)."
                ))
            }
        };
        let (ddd, number) = local.split_at(2);
        let split = number.len() - 4;
        let formatted = format!("({ddd}) {}-{}", &number[..split], &number[split..]);
        if !phones.contains(&formatted) {
            phones.push(formatted);
        }
    }
    Ok(Some(phones.join("; ")).filter(|p| !p.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_separated_by_commas_are_read_as_several() {
        assert_eq!(
            parse_phones("(51) 3333-4444, (51) 99999-8888"),
            Ok(Some("(51) 3333-4444; (51) 99999-8888".into()))
        );
    }

    #[test]
    fn several_emails_and_phones_share_one_field_each() {
        assert_eq!(
            parse_emails(
                "Compras@Zanella.com.br, financeiro@zanella.com.br;compras@zanella.com.br"
            ),
            Ok(Some(
                "compras@zanella.com.br; financeiro@zanella.com.br".into()
            ))
        );
        assert!(parse_emails("a@b.com; sem-arroba")
            .unwrap_err()
            .contains("sem-arroba"));
        assert_eq!(parse_emails("  "), Ok(None));
        // Every wrong one at once, not one per save.
        assert_eq!(
            parse_emails("joao@; ok@zanella.com.br; joao@@x"),
            Err("E-mails inválidos: joao@, joao@@x.".into())
        );
        assert_eq!(
            parse_phones("51 3591 1234 / (51) 99876-5432; +55 51 3591-1234"),
            Ok(Some("(51) 3591-1234; (51) 99876-5432".into()))
        );
        assert!(parse_phones("3591-1234").is_err());
    }
}
