//! The CEP ranges the Correios assign to each state (UF). Reference knowledge, like the CPF
//! check digits: demo data draws a city's CEP from its state's range (issue 10, item 16), and an
//! address check "this CEP is not of this city's state" would read the same table.

use crate::address::Cep;

/// Each UF's ranges of CEPs as eight-digit numbers, first and last included. Three states
/// hold two ranges around a neighbour's (AM around RR, DF and GO around each other).
const RANGES: &[(&str, &[(u32, u32)])] = &[
    ("SP", &[(1_000_000, 19_999_999)]),
    ("RJ", &[(20_000_000, 28_999_999)]),
    ("ES", &[(29_000_000, 29_999_999)]),
    ("MG", &[(30_000_000, 39_999_999)]),
    ("BA", &[(40_000_000, 48_999_999)]),
    ("SE", &[(49_000_000, 49_999_999)]),
    ("PE", &[(50_000_000, 56_999_999)]),
    ("AL", &[(57_000_000, 57_999_999)]),
    ("PB", &[(58_000_000, 58_999_999)]),
    ("RN", &[(59_000_000, 59_999_999)]),
    ("CE", &[(60_000_000, 63_999_999)]),
    ("PI", &[(64_000_000, 64_999_999)]),
    ("MA", &[(65_000_000, 65_999_999)]),
    ("PA", &[(66_000_000, 68_899_999)]),
    ("AP", &[(68_900_000, 68_999_999)]),
    ("AM", &[(69_000_000, 69_299_999), (69_400_000, 69_899_999)]),
    ("RR", &[(69_300_000, 69_399_999)]),
    ("AC", &[(69_900_000, 69_999_999)]),
    ("DF", &[(70_000_000, 72_799_999), (73_000_000, 73_699_999)]),
    ("GO", &[(72_800_000, 72_999_999), (73_700_000, 76_799_999)]),
    ("RO", &[(76_800_000, 76_999_999)]),
    ("TO", &[(77_000_000, 77_999_999)]),
    ("MT", &[(78_000_000, 78_899_999)]),
    ("MS", &[(79_000_000, 79_999_999)]),
    ("PR", &[(80_000_000, 87_999_999)]),
    ("SC", &[(88_000_000, 89_999_999)]),
    ("RS", &[(90_000_000, 99_999_999)]),
];

/// The CEP ranges of a UF (`"PR"`), first and last included; `None` for anything else.
pub fn cep_ranges(uf: &str) -> Option<&'static [(u32, u32)]> {
    RANGES
        .iter()
        .find(|(code, _)| *code == uf)
        .map(|(_, ranges)| *ranges)
}

/// Whether a CEP lies in one of the UF's ranges.
pub fn cep_in_state(cep: &Cep, uf: &str) -> bool {
    let Ok(number) = cep.digits().parse::<u32>() else {
        return false;
    };
    cep_ranges(uf).is_some_and(|ranges| {
        ranges
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&number))
    })
}

/// A CEP of the UF chosen by `draw` (any number: a random one, or a hash of a record's id),
/// spread over all of the state's ranges in proportion to their sizes.
pub fn cep_of_state(uf: &str, draw: u64) -> Option<Cep> {
    let ranges = cep_ranges(uf)?;
    let total: u64 = ranges
        .iter()
        .map(|(first, last)| u64::from(last - first) + 1)
        .sum();
    let mut offset = draw % total;
    for (first, last) in ranges {
        let size = u64::from(last - first) + 1;
        if offset < size {
            return Cep::parse(&format!("{:08}", u64::from(*first) + offset)).ok();
        }
        offset -= size;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UFs of the IBGE municipality list the server loads at start-up.
    fn ibge_ufs() -> Vec<&'static str> {
        let mut ufs: Vec<&str> = include_str!("../../server/data/ibge_municipalities.csv")
            .lines()
            .skip(1)
            .filter_map(|line| line.split(',').nth(2))
            .collect();
        ufs.sort_unstable();
        ufs.dedup();
        ufs
    }

    #[test]
    fn every_state_of_the_ibge_list_has_a_cep_range() {
        let ufs = ibge_ufs();
        assert_eq!(ufs.len(), 27, "{ufs:?}");
        for uf in ufs {
            assert!(cep_ranges(uf).is_some(), "{uf} has no CEP range");
        }
        assert_eq!(cep_ranges("XX"), None);
        assert_eq!(RANGES.len(), 27);
    }

    #[test]
    fn states_cep_ranges_do_not_overlap() {
        let mut all: Vec<(u32, u32)> = RANGES
            .iter()
            .flat_map(|(_, ranges)| ranges.iter().copied())
            .collect();
        all.sort_unstable();
        assert_eq!(all[0].0, 1_000_000);
        assert_eq!(all[all.len() - 1].1, 99_999_999);
        for pair in all.windows(2) {
            assert!(pair[0].0 <= pair[0].1, "empty range {:?}", pair[0]);
            assert!(pair[0].1 < pair[1].0, "overlap at {pair:?}");
        }
        // The one hole: 78900-000..78999-999, Rondônia's until 2008, now unassigned.
        let holes: Vec<(u32, u32)> = all
            .windows(2)
            .filter(|pair| pair[0].1 + 1 != pair[1].0)
            .map(|pair| (pair[0].1 + 1, pair[1].0 - 1))
            .collect();
        assert_eq!(holes, vec![(78_900_000, 78_999_999)]);
    }

    #[test]
    fn demo_ceps_fall_in_their_citys_state() {
        // Finding (issue 10, item 16): "CEP 10007-919" was given to a city in PR.
        let pr = Cep::parse("80010-000").unwrap();
        assert!(cep_in_state(&pr, "PR"));
        assert!(!cep_in_state(&Cep::parse("10007-919").unwrap(), "PR"));
        for uf in ibge_ufs() {
            for draw in [0, 1, 7919, 123_456_789, u64::MAX] {
                let cep = cep_of_state(uf, draw).unwrap();
                assert!(cep_in_state(&cep, uf), "{uf}: {}", cep.masked());
            }
        }
        // Both of a split state's ranges are drawn from.
        let am: Vec<u32> = (0..1_000u64)
            .map(|n| {
                cep_of_state("AM", n * 7_919)
                    .unwrap()
                    .digits()
                    .parse()
                    .unwrap()
            })
            .collect();
        assert!(am.iter().any(|n| *n < 69_300_000));
        assert!(am.iter().any(|n| *n >= 69_400_000));
        assert_eq!(cep_of_state("XX", 1), None);
    }
}
