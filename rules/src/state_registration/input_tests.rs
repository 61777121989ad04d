//! What any UF's number goes through before its routine: length, separators, ISENTO,
//! unknown UFs, stray characters, and the masks put back.

use super::tests::{accepts, refuses};
use super::*;

#[test]
fn a_number_of_the_wrong_length_is_refused_with_the_states_digit_count() {
    refuses("SC", "25104085", "Inscrição estadual de SC tem 9 dígitos");
    refuses("SC", "2510408520", "Inscrição estadual de SC tem 9 dígitos");
    refuses(
        "AC",
        "010048230011",
        "Inscrição estadual de AC tem 13 dígitos",
    );
    refuses(
        "BA",
        "1234566",
        "Inscrição estadual de BA tem 8 ou 9 dígitos",
    );
    refuses(
        "PE",
        "0321418400",
        "Inscrição estadual de PE tem 9 ou 14 dígitos",
    );
    refuses(
        "RN",
        "20040040",
        "Inscrição estadual de RN tem 9 ou 10 dígitos",
    );
    refuses(
        "TO",
        "2901022783",
        "Inscrição estadual de TO tem 9 ou 11 dígitos",
    );
    refuses("RJ", "999999930", "Inscrição estadual de RJ tem 8 dígitos");
    refuses(
        "SP",
        "11004249011",
        "Inscrição estadual de SP tem 12 dígitos (ou P e 12 dígitos, se produtor rural)",
    );
    // Santa Catarina's valid example read as another state's number.
    refuses("PR", "251040852", "Inscrição estadual de PR tem 10 dígitos");
}

#[test]
fn dots_dashes_slashes_and_spaces_are_dropped() {
    for typed in [
        "251.040.852",
        " 251 040 852 ",
        "251-040/852",
        "251\u{2013}040\u{2014}852",
        "\t251040852\n",
    ] {
        accepts("SC", typed, "251040852");
    }
}

#[test]
fn isento_is_accepted_in_any_case_for_every_uf() {
    for uf in UFS {
        for typed in ["ISENTO", "isento", "  Isento "] {
            assert_eq!(
                validate(uf, typed),
                Ok(StateRegistration::Exempt),
                "{uf} {typed}"
            );
        }
    }
}

#[test]
fn every_uf_has_a_routine_and_an_unknown_uf_is_refused() {
    assert!(UFS.iter().all(|uf| rule_for(uf).is_some()));
    refuses("XX", "251040852", "UF desconhecida: XX");
    refuses(
        " ",
        "ISENTO",
        "Informe a UF para validar a inscrição estadual",
    );
    // The UF's case and spaces do not matter.
    accepts(" sc ", "251040852", "251040852");
}

#[test]
fn letters_symbols_and_blank_input_are_refused_in_words() {
    refuses(
        "SC",
        "25104085A",
        "Inscrição estadual de SC deve ter só números",
    );
    refuses(
        "SC",
        "251,040,852",
        "Inscrição estadual de SC deve ter só números",
    );
    refuses(
        "SC",
        "P251040852",
        "Inscrição estadual de SC deve ter só números",
    );
    refuses(
        "SP",
        "110042490P14",
        "Inscrição estadual de SP deve ter só números (ou P no início, se produtor rural)",
    );
    refuses(
        "SP",
        "P",
        "Inscrição estadual de SP deve ter só números (ou P no início, se produtor rural)",
    );
    refuses("SC", "", "Informe a inscrição estadual de SC ou ISENTO");
    refuses(
        "SC",
        " ./- ",
        "Informe a inscrição estadual de SC ou ISENTO",
    );
}

#[test]
fn format_puts_each_states_mask_back() {
    assert_eq!(format("AC", "0100482300112"), "01.004.823/001-12");
    assert_eq!(format("BA", "12345663"), "123456-63");
    assert_eq!(format("BA", "123456748"), "1234567-48");
    assert_eq!(format("MG", "0623079040081"), "062.307.904/0081");
    assert_eq!(format("MT", "00130000019"), "0013000001-9");
    assert_eq!(format("PE", "18100100000049"), "18.1.001.0000004-9");
    assert_eq!(format("RS", "2243658792"), "224/3658792");
    assert_eq!(format("SP", "110042490114"), "110.042.490.114");
    assert_eq!(format("SP", "P011004243002"), "P-01100424.3/002");
    assert_eq!(format("TO", "29010227836"), "29.01.022783-6");
    assert_eq!(format("sc", "251040852"), "251.040.852");
    assert_eq!(format("SC", "isento"), "ISENTO");
}

#[test]
fn format_leaves_a_value_that_fits_no_mask_as_it_is() {
    assert_eq!(format("SC", "2510408"), "2510408");
    assert_eq!(format("XX", "251040852"), "251040852");
    assert_eq!(format("SC", "P251040852"), "P251040852");
    assert_eq!(format("SC", "25.10.40"), "25.10.40");
}
