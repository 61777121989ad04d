//! Renders both templates and reads the PDFs back: they are PDFs, long data breaks onto
//! more pages, empty data renders, and the data's text (typst-special characters
//! included) is on the page as given.

use documents::{
    render, AdvanceStatement, DocumentError, ReceivablesReport, ReportGroup, ReportRow,
    ReportTotals, StatementLine, Template,
};

/// Every character Typst markup gives a meaning to.
const SPECIAL: &str = r"Padaria #1 $2 *Pão* _Doce_ <Ltda> @matriz [centro] \fim";

fn statement(customer: &str, lines: usize) -> AdvanceStatement {
    AdvanceStatement {
        company: "Comercial Exemplo Ltda".into(),
        customer: customer.into(),
        document: "12.345.678/0001-90".into(),
        period: "01/01/2026 a 31/12/2026".into(),
        opening_balance: "R$ 1.000,00".into(),
        lines: (1..=lines)
            .map(|i| StatementLine {
                date: "15/03/2026".into(),
                description: format!("Adiantamento nº {i} — PIX"),
                credit: format!("R$ {i},00"),
                debit: String::new(),
                balance: format!("R$ {},00", 1000 + i),
            })
            .collect(),
        total_credits: "R$ 45.150,00".into(),
        total_debits: "R$ 0,00".into(),
        closing_balance: "R$ 46.150,00".into(),
        generated: "Emitido em 06/12/2026 10:15 por Ana Souza".into(),
    }
}

fn totals(count: usize) -> ReportTotals {
    ReportTotals {
        count: count.to_string(),
        amount: format!("R$ {count}.000,00"),
        balance: format!("R$ {count}.500,00"),
    }
}

fn report(customer: &str, groups: usize, rows: usize) -> ReceivablesReport {
    ReceivablesReport {
        company: "Comercial Exemplo Ltda".into(),
        title: "Títulos em aberto".into(),
        filters: "Vencimento de 01/01/2026 a 31/12/2026; situação: em aberto, vencido".into(),
        grouped_by: "Região".into(),
        groups: (1..=groups)
            .map(|g| ReportGroup {
                name: format!("Região {g}"),
                rows: (1..=rows)
                    .map(|r| ReportRow {
                        customer: customer.into(),
                        document: format!("NF {}/1", 100 + r),
                        issue_date: "01/02/2026".into(),
                        due_date: "03/03/2026".into(),
                        status: "Em aberto".into(),
                        amount: "R$ 1.234,56".into(),
                        balance: "R$ 234,56".into(),
                    })
                    .collect(),
                subtotal: totals(rows),
            })
            .collect(),
        grand_total: totals(groups * rows),
        generated: "Emitido em 06/12/2026 10:15 por Ana Souza".into(),
    }
}

/// The text of each page, as a PDF reader extracts it (through the fonts' ToUnicode
/// maps: Typst subsets the fonts and writes glyph ids, not characters).
fn pages(pdf: &[u8]) -> Vec<String> {
    assert!(
        pdf.starts_with(b"%PDF-"),
        "not a PDF: {:?}",
        &pdf[..pdf.len().min(16)]
    );
    pdf_extract::extract_text_from_mem_by_pages(pdf).expect("the PDF's text is readable")
}

/// The text with every run of whitespace made one space, since line breaks and
/// spacing depend on the layout.
fn flat(pages: &[String]) -> String {
    pages
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_statement_is_a_pdf_with_the_customer_and_closing_balance() {
    let pdf = render(
        Template::AdvanceStatement,
        &statement("2002 - Padaria Ferreira Ltda", 5),
    )
    .unwrap();
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 1);
    let text = flat(&pages);
    for expected in [
        "Extrato de adiantamentos",
        "2002 - Padaria Ferreira Ltda",
        "12.345.678/0001-90",
        "Adiantamento nº 3 — PIX",
        "R$ 46.150,00",
        "Página 1 de 1",
        "Emitido em 06/12/2026 10:15 por Ana Souza",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn a_long_statement_breaks_onto_pages_numbered_n_of_total() {
    let pdf = render(
        Template::AdvanceStatement,
        &statement("2002 - Padaria Ferreira Ltda", 300),
    )
    .unwrap();
    let pages = pages(&pdf);
    let count = pages.len();
    assert!(count > 1, "300 lines on {count} page(s)");
    // The header row repeats: every page has the column titles.
    for (i, page) in pages.iter().enumerate() {
        let page = flat(std::slice::from_ref(page));
        assert!(
            page.contains(&format!("Página {} de {count}", i + 1)),
            "{page}"
        );
        assert!(
            page.contains("Descrição") && page.contains("Saldo"),
            "{page}"
        );
    }
    let text = flat(&pages);
    assert!(
        text.contains("Adiantamento nº 300 — PIX"),
        "the last line is printed"
    );
    assert!(text.contains("R$ 46.150,00"));
}

#[test]
fn an_empty_statement_says_so() {
    let pdf = render(
        Template::AdvanceStatement,
        &statement("2002 - Padaria Ferreira Ltda", 0),
    )
    .unwrap();
    let text = flat(&pages(&pdf));
    assert!(text.contains("Nenhum movimento no período."), "{text}");
    assert!(text.contains("R$ 46.150,00"), "{text}");
}

#[test]
fn typst_special_characters_in_a_statement_print_literally() {
    let pdf = render(Template::AdvanceStatement, &statement(SPECIAL, 2)).unwrap();
    let text = flat(&pages(&pdf));
    assert!(text.contains(SPECIAL), "{SPECIAL:?} not in {text:?}");
}

#[test]
fn a_report_has_its_groups_subtotals_and_grand_total() {
    let pdf = render(
        Template::ReceivablesReport,
        &report("2002 - Padaria Ferreira Ltda", 2, 3),
    )
    .unwrap();
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 1);
    let text = flat(&pages);
    for expected in [
        "Relatório de contas a receber",
        "Títulos em aberto",
        "Vencimento de 01/01/2026 a 31/12/2026; situação: em aberto, vencido",
        "Região: Região 1",
        "Região: Região 2",
        "2002 - Padaria Ferreira Ltda",
        "NF 103/1",
        "Subtotal Região 2 — 3 títulos",
        "Total geral — 6 títulos",
        "R$ 6.000,00",
        "Página 1 de 1",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    // The header names the report; the page's heading is the report's own title, not again.
    assert_eq!(
        text.matches("Relatório de contas a receber").count(),
        1,
        "{text}"
    );
}

#[test]
fn a_long_report_breaks_onto_pages() {
    let pdf = render(
        Template::ReceivablesReport,
        &report("2002 - Padaria Ferreira Ltda", 3, 100),
    )
    .unwrap();
    let pages = pages(&pdf);
    let count = pages.len();
    assert!(count > 1, "300 rows on {count} page(s)");
    let last = flat(std::slice::from_ref(pages.last().unwrap()));
    assert!(
        last.contains(&format!("Página {count} de {count}")),
        "{last}"
    );
    assert!(last.contains("Total geral — 300 títulos"), "{last}");
}

#[test]
fn an_empty_report_says_so() {
    let pdf = render(Template::ReceivablesReport, &report("-", 0, 0)).unwrap();
    let text = flat(&pages(&pdf));
    assert!(text.contains("Nenhum título encontrado."), "{text}");
    assert!(text.contains("Total geral — 0 títulos"), "{text}");

    let pdf = render(Template::ReceivablesReport, &report("-", 1, 0)).unwrap();
    let text = flat(&pages(&pdf));
    assert!(
        text.contains("Nenhum título encontrado."),
        "an empty group: {text}"
    );
}

#[test]
fn typst_special_characters_in_a_report_print_literally() {
    let pdf = render(Template::ReceivablesReport, &report(SPECIAL, 1, 2)).unwrap();
    let text = flat(&pages(&pdf));
    assert!(text.contains(SPECIAL), "{SPECIAL:?} not in {text:?}");
}

#[test]
fn the_wrong_data_for_a_template_is_an_error_not_a_panic() {
    let error = render(Template::AdvanceStatement, &report("x", 1, 1)).unwrap_err();
    assert!(matches!(error, DocumentError::Template { .. }), "{error:?}");
    let error = render(Template::ReceivablesReport, &"just a string").unwrap_err();
    assert!(matches!(error, DocumentError::Template { .. }), "{error:?}");
}
