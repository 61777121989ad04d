//! Property tests: numbers of every shape each UF accepts, completed with the check digits
//! its routine computes, pass; changing any one check digit to any other digit fails; the
//! display mask reads back as the same value.

use super::*;
use proptest::prelude::*;

/// Every shape a UF accepts, written from the states' published layouts (not from the
/// routines): `#` is any digit, `C` a check digit, other characters are fixed. Several shapes
/// stand for several accepted lengths, leading digits or (TO) type codes.
fn shapes(uf: &str) -> &'static [&'static str] {
    match uf {
        "AC" => &["01#########CC"],
        "AL" | "RR" => &["24######C"],
        "AP" => &["03######C"],
        "BA" => &["######CC", "#######CC"],
        "DF" => &["07#########CC"],
        "GO" => &["10######C", "11######C", "15######C", "2#######C"],
        "MA" => &["12######C"],
        "MG" => &["###########CC"],
        "MS" => &["28######C", "50######C"],
        "MT" => &["##########C"],
        "PA" => &["15######C"],
        "PE" => &["#######CC", "#############C"],
        "PR" => &["########CC"],
        "RS" => &["#########C"],
        "RJ" => &["#######C"],
        "RN" => &["20######C", "20#######C"],
        "RO" => &["#############C"],
        "SP" => &["########C##C", "P########C###"],
        "TO" => &[
            "########C",
            "##01######C",
            "##02######C",
            "##03######C",
            "##99######C",
        ],
        _ => &["########C"],
    }
}

/// A valid number of `uf` in the chosen shape, its check digits computed by the UF's
/// routine, and where the shape puts its check digits in the returned text.
fn valid_number(uf: &str, shape: prop::sample::Index, filler: &[u8]) -> (String, Vec<usize>) {
    let shape = shape.get(shapes(uf));
    let rural = shape.starts_with('P');
    let template = shape.trim_start_matches('P');
    let mut filler = filler.iter();
    let mut digits: Vec<u8> = template
        .bytes()
        .map(|b| match b {
            b'#' | b'C' => *filler.next().expect("enough filler digits"),
            fixed => fixed - b'0',
        })
        .collect();
    let rule = if rural {
        southeast::sp_rural
    } else {
        rule_for(uf).expect("a known UF")
    };
    let checks = rule(&digits).expect("the shape is one the UF accepts");
    let computed: Vec<usize> = checks.iter().map(|&(at, _)| at).collect();
    let declared: Vec<usize> = template.match_indices('C').map(|(at, _)| at).collect();
    assert_eq!(
        computed, declared,
        "{uf} {shape}: check digits where the layout puts them"
    );
    for &(at, digit) in &checks {
        digits[at] = digit;
    }
    let offset = usize::from(rural);
    let text = shape[..offset].to_string()
        + &digits
            .iter()
            .map(|d| char::from(b'0' + d))
            .collect::<String>();
    (text, declared.iter().map(|at| at + offset).collect())
}

/// GO's 11094402 was issued with two check digits, so changing one does not break it.
fn takes_two_check_digits(uf: &str, text: &str) -> bool {
    uf == "GO" && text.starts_with("11094402")
}

fn filler() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..10, 14)
}

fn any_uf() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(UFS.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_number_built_with_its_check_digits_is_accepted_as_typed(
        uf in any_uf(), shape in any::<prop::sample::Index>(), filler in filler(),
    ) {
        let (text, _) = valid_number(uf, shape, &filler);
        prop_assert_eq!(validate(uf, &text), Ok(StateRegistration::Number(text.clone())));
    }

    #[test]
    fn changing_any_single_check_digit_is_refused(
        uf in any_uf(), shape in any::<prop::sample::Index>(), filler in filler(),
        bump in 1u8..10,
    ) {
        let (text, check_positions) = valid_number(uf, shape, &filler);
        prop_assume!(!takes_two_check_digits(uf, &text));
        let refused = Err(format!(
            "Inscrição estadual inválida para {uf}: dígito verificador não confere"
        ));
        for at in check_positions {
            let mut changed = text.clone().into_bytes();
            changed[at] = b'0' + (changed[at] - b'0' + bump) % 10;
            let changed = String::from_utf8(changed).expect("ASCII digits");
            prop_assert_eq!(validate(uf, &changed), refused.clone(), "{}", changed);
        }
    }

    #[test]
    fn a_number_shown_with_its_mask_reads_back_as_the_same_value(
        uf in any_uf(), shape in any::<prop::sample::Index>(), filler in filler(),
    ) {
        let (text, _) = valid_number(uf, shape, &filler);
        let shown = format(uf, &text);
        prop_assert_eq!(validate(uf, &shown), Ok(StateRegistration::Number(text.clone())));
    }
}
