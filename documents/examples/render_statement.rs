//! Renders an advance statement and reports how long it took; used to measure the
//! crate's cost (see README.md).
//!
//! `cargo run --release -p documents --example render_statement -- 300 /tmp/extrato.pdf`

use std::time::Instant;

use documents::{render, AdvanceStatement, StatementLine, Template};

fn statement(lines: usize, seed: usize) -> AdvanceStatement {
    let lines = (1..=lines)
        .map(|i| StatementLine {
            date: format!("{:02}/{:02}/2026", i % 28 + 1, i % 12 + 1),
            description: if i % 3 == 0 {
                format!("Baixa NF {}/1", 100 + i)
            } else {
                format!("Adiantamento nº {i} — PIX")
            },
            credit: if i % 3 == 0 {
                String::new()
            } else {
                format!("R$ {},00", 100 + i + seed)
            },
            debit: if i % 3 == 0 {
                format!("R$ {},50", 50 + i)
            } else {
                String::new()
            },
            balance: format!("R$ {}.{:03},00", 1 + i / 100, i % 1000),
        })
        .collect();
    AdvanceStatement {
        company: "Comercial Exemplo Ltda".into(),
        customer: "2002 - Padaria Ferreira Ltda".into(),
        document: "12.345.678/0001-90".into(),
        period: "01/01/2026 a 31/12/2026".into(),
        opening_balance: "R$ 1.000,00".into(),
        lines,
        total_credits: "R$ 12.345,67".into(),
        total_debits: "R$ 2.345,67".into(),
        closing_balance: "R$ 11.000,00".into(),
        generated: "Emitido em 06/12/2026 10:15 por Ana Souza".into(),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let lines: usize = args
        .next()
        .map_or(10, |n| n.parse().expect("a number of lines"));
    let out = args.next();

    // The first render also parses the fonts and builds Typst's library; later ones,
    // with different data each time, show the steady state.
    for run in 0..6 {
        let data = statement(lines, run);
        let started = Instant::now();
        let pdf = render(Template::AdvanceStatement, &data).expect("the statement renders");
        let took = started.elapsed();
        println!(
            "run {run}: {lines} lines, {} bytes, {:.1} ms{}",
            pdf.len(),
            took.as_secs_f64() * 1000.0,
            if run == 0 {
                " (first: fonts parsed, library built)"
            } else {
                ""
            }
        );
        if run == 0 {
            if let Some(path) = &out {
                std::fs::write(path, &pdf).expect("the PDF is written");
            }
        }
    }
}
