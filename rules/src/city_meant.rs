//! The city meant when a name is typed and not picked from the list (R-CUST-4): "são josé" is
//! SAO JOSE - SC when that is the only São José, or the only one in the CEP's state. Several
//! left, the user is told which, instead of "not found" for a city that exists.

use crate::address::Cep;

/// `typed`: the folded name (`SAO JOSE`); `same_name`: the identifications of every city of
/// exactly that name (`SAO JOSE - SC`). The one meant, or why there is none.
pub fn city_meant(typed: &str, same_name: &[String], cep: &Cep) -> Result<String, String> {
    let in_ceps_state: Vec<String> = same_name
        .iter()
        .filter(|city| {
            crate::city::state_of(city).is_some_and(|uf| crate::cep_range::cep_in_state(cep, uf))
        })
        .cloned()
        .collect();
    match (same_name, in_ceps_state.as_slice()) {
        ([], _) => Err(format!(
            "Cidade não encontrada: {typed}. Escolha uma da lista."
        )),
        ([only], _) | (_, [only]) => Ok(only.to_string()),
        (several, _) => Err(format!(
            "Há {} cidades chamadas {typed} ({}): escolha a certa na lista.",
            several.len(),
            several.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cities(list: &[&str]) -> Vec<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn r_cust_4_a_name_typed_finds_the_only_city_of_that_name() {
        let cep = Cep::parse("88101-000").unwrap();
        assert_eq!(
            city_meant("SAO JOSE", &cities(&["SAO JOSE - SC"]), &cep),
            Ok("SAO JOSE - SC".to_string())
        );
    }

    #[test]
    fn r_cust_4_several_of_that_name_the_ceps_state_decides_or_the_user_does() {
        let both = cities(&["BOM JESUS - RS", "BOM JESUS - SC"]);
        let in_sc = Cep::parse("88101-000").unwrap();
        assert_eq!(
            city_meant("BOM JESUS", &both, &in_sc),
            Ok("BOM JESUS - SC".to_string())
        );
        let in_sp = Cep::parse("01001-000").unwrap();
        assert_eq!(
            city_meant("BOM JESUS", &both, &in_sp),
            Err("Há 2 cidades chamadas BOM JESUS (BOM JESUS - RS, BOM JESUS - SC): escolha a certa na lista.".to_string())
        );
    }

    #[test]
    fn r_cust_4_no_city_of_that_name_is_not_found() {
        let cep = Cep::parse("88101-000").unwrap();
        assert_eq!(
            city_meant("SAO JOZE", &[], &cep),
            Err("Cidade não encontrada: SAO JOZE. Escolha uma da lista.".to_string())
        );
    }
}
