//! Realistic Brazilian customers for seeds and benchmarks: names, valid CPFs and CNPJs
//! (numeric and alphanumeric), real IBGE cities. Deterministic for a given seed number.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rules::customer::Status;
use rules::document::{cnpj_check_digits, cpf_check_digits, Cnpj, Cpf};

/// Of every 100 generated customers, this many are pending and this many inactive; the rest
/// are active, as in a real customer base (issue 10, item 16: all were active, so the list's
/// "situação pendente" case read no rows).
const PENDING_PER_100: u32 = 3;
const INACTIVE_PER_100: u32 = 10;

const FIRST_NAMES: &[&str] = &[
    "Ana",
    "Maria",
    "Francisca",
    "Antônia",
    "Adriana",
    "Juliana",
    "Márcia",
    "Fernanda",
    "Patrícia",
    "Aline",
    "José",
    "João",
    "Antônio",
    "Francisco",
    "Carlos",
    "Paulo",
    "Pedro",
    "Lucas",
    "Luiz",
    "Marcos",
    "Gabriel",
    "Rafael",
    "Daniel",
    "Marcelo",
    "Bruno",
    "Eduardo",
    "Felipe",
    "Raimundo",
    "Rodrigo",
    "Letícia",
    "Camila",
    "Beatriz",
    "Larissa",
    "Vanessa",
    "Sandra",
    "Helena",
    "Valentina",
    "Heloísa",
    "Cecília",
    "Joaquim",
];

const SURNAMES: &[&str] = &[
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Schneider",
    "Becker",
    "Zanella",
    "Bortolini",
    "Tomazi",
];

const BUSINESS_WORDS: &[&str] = &[
    "Comercial",
    "Distribuidora",
    "Auto Posto",
    "Transportes",
    "Agropecuária",
    "Mercado",
    "Atacadão",
    "Construtora",
    "Supermercado",
    "Indústria",
    "Farmácia",
    "Materiais de Construção",
    "Cerealista",
    "Padaria",
];

const BUSINESS_SUFFIXES: &[&str] = &["Ltda", "ME", "EIRELI", "S.A.", "Ltda EPP"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Individual,
    LegalEntity,
}

#[derive(Debug, Clone)]
pub struct GeneratedCustomer {
    pub kind: Kind,
    /// Bare digits (CPF) or characters (CNPJ), valid under R-CUST-2.
    pub document: String,
    pub legal_name: String,
    pub trade_name: String,
    /// Index into the caller's list of cities.
    pub city_index: usize,
    pub status: Status,
}

pub struct Generator {
    rng: StdRng,
    /// Statuses draw from their own stream, so a seed's names and documents stay what they
    /// were before statuses were mixed in.
    status_rng: StdRng,
    city_count: usize,
}

impl Generator {
    pub fn new(seed: u64, city_count: usize) -> Self {
        Self {
            rng: StdRng::seed_from_u64(seed),
            status_rng: StdRng::seed_from_u64(seed ^ 0x5A7A_C0DE_5A7A_C0DE),
            city_count: city_count.max(1),
        }
    }

    fn pick<'a>(&mut self, list: &'a [&'a str]) -> &'a str {
        list[self.rng.gen_range(0..list.len())]
    }

    /// Two different surnames: a family name is never doubled ("Raimundo Nunes Nunes").
    fn two_surnames(&mut self) -> (&'static str, &'static str) {
        let first = self.rng.gen_range(0..SURNAMES.len());
        let mut second = self.rng.gen_range(0..SURNAMES.len() - 1);
        if second >= first {
            second += 1;
        }
        (SURNAMES[first], SURNAMES[second])
    }

    fn status(&mut self) -> Status {
        match self.status_rng.gen_range(0..100) {
            n if n < PENDING_PER_100 => Status::Pending,
            n if n < PENDING_PER_100 + INACTIVE_PER_100 => Status::Inactive,
            _ => Status::Active,
        }
    }

    pub fn cpf(&mut self) -> Cpf {
        loop {
            let base: [u32; 9] = std::array::from_fn(|_| self.rng.gen_range(0..10));
            let dv = cpf_check_digits(&base);
            let text: String = base
                .iter()
                .chain(dv.iter())
                .filter_map(|d| char::from_digit(*d, 10))
                .collect();
            if let Ok(cpf) = Cpf::parse(&text) {
                return cpf;
            }
        }
    }

    /// A CNPJ; one in `alphanumeric_share` has letters in its root, as issued since July 2026.
    pub fn cnpj(&mut self, alphanumeric_share: f64) -> Cnpj {
        const ALPHANUMERIC: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let letters = self.rng.gen_bool(alphanumeric_share.clamp(0.0, 1.0));
        loop {
            let mut base = [b'0'; 12];
            for (i, slot) in base.iter_mut().enumerate() {
                // The branch number (positions 8..12) stays numeric, as "0001" in most CNPJs.
                *slot = if letters && i < 8 {
                    ALPHANUMERIC[self.rng.gen_range(0..ALPHANUMERIC.len())]
                } else {
                    b'0' + self.rng.gen_range(0..10)
                };
            }
            let Ok(dv) = cnpj_check_digits(&base) else {
                continue;
            };
            let text = format!("{}{}{}", String::from_utf8_lossy(&base), dv[0], dv[1]);
            if let Ok(cnpj) = Cnpj::parse(&text) {
                return cnpj;
            }
        }
    }

    pub fn person_name(&mut self) -> String {
        let first_name = self.pick(FIRST_NAMES);
        let (mother, father) = self.two_surnames();
        format!("{first_name} {mother} {father}")
    }

    pub fn customer(&mut self) -> GeneratedCustomer {
        let city_index = self.rng.gen_range(0..self.city_count);
        let status = self.status();
        if self.rng.gen_bool(0.45) {
            let name = self.person_name();
            GeneratedCustomer {
                kind: Kind::Individual,
                document: self.cpf().as_str().to_string(),
                trade_name: name.clone(),
                legal_name: name,
                city_index,
                status,
            }
        } else {
            let word = self.pick(BUSINESS_WORDS);
            let (family, second) = self.two_surnames();
            let suffix = self.pick(BUSINESS_SUFFIXES);
            GeneratedCustomer {
                kind: Kind::LegalEntity,
                document: self.cnpj(0.2).as_str().to_string(),
                legal_name: format!("{word} {family} & {second} {suffix}"),
                trade_name: format!("{word} {family}"),
                city_index,
                status,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_cust_2_generated_documents_are_valid() {
        let mut generator = Generator::new(7, 100);
        for _ in 0..2_000 {
            let customer = generator.customer();
            match customer.kind {
                Kind::Individual => assert!(Cpf::parse(&customer.document).is_ok()),
                Kind::LegalEntity => assert!(Cnpj::parse(&customer.document).is_ok()),
            }
            assert!(customer.city_index < 100);
            assert!(!customer.legal_name.trim().is_empty());
        }
    }

    #[test]
    fn generator_yields_alphanumeric_cnpjs_at_the_requested_share() {
        let mut generator = Generator::new(11, 1);
        let letters = (0..1_000)
            .filter(|_| {
                generator.cnpj(0.5).as_str()[..8]
                    .bytes()
                    .any(|b| b.is_ascii_uppercase())
            })
            .count();
        assert!(
            (350..650).contains(&letters),
            "{letters} alphanumeric of 1000"
        );
    }

    #[test]
    fn a_generated_name_never_repeats_a_surname() {
        // Finding (issue 10, item 16): "Raimundo Nunes Nunes".
        for seed in 0..200 {
            let mut generator = Generator::new(seed, 10);
            for _ in 0..500 {
                let name = generator.customer().legal_name;
                let words: Vec<&str> = name.split(' ').filter(|w| *w != "&").collect();
                let mut distinct = words.clone();
                distinct.sort_unstable();
                distinct.dedup();
                assert_eq!(distinct.len(), words.len(), "seed {seed}: {name}");
            }
        }
    }

    #[test]
    fn generated_customers_are_mostly_active_with_a_few_pending_and_some_inactive() {
        // Finding (issue 10, item 16): every generated customer was active.
        let statuses = |seed| {
            let mut generator = Generator::new(seed, 10);
            (0..10_000)
                .map(|_| generator.customer().status)
                .collect::<Vec<_>>()
        };
        let drawn = statuses(2026);
        let count = |status| drawn.iter().filter(|s| **s == status).count();
        assert!(
            (200..=400).contains(&count(Status::Pending)),
            "{}",
            count(Status::Pending)
        );
        assert!(
            (850..=1_150).contains(&count(Status::Inactive)),
            "{}",
            count(Status::Inactive)
        );
        assert_eq!(drawn, statuses(2026), "the mix follows the seed");
        assert_ne!(drawn, statuses(7));
    }

    #[test]
    fn same_seed_gives_the_same_customers() {
        let a: Vec<String> = (0..20)
            .map({
                let mut g = Generator::new(3, 50);
                move |_| g.customer().document
            })
            .collect();
        let b: Vec<String> = (0..20)
            .map({
                let mut g = Generator::new(3, 50);
                move |_| g.customer().document
            })
            .collect();
        assert_eq!(a, b);
    }
}
