//! The receivables report's downloads (R-HIST-3): CSV and XLSX from a report held in memory.

use super::*;
use app::customers::receivable_list_types::{ReceivableListRow, ReportGroupView};
use rules::finance::status::ReceivableStatus;
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn report() -> ReportView {
    let row = |doc: &str, amount: &str, balance: &str| ReceivableListRow {
        id: 1,
        customer_code: 7,
        customer: "Padaria; \"Pão\"".to_string(),
        document: doc.to_string(),
        kind: "Fatura / duplicata".to_string(),
        issue_date: "01/10/2026".to_string(),
        due_date: "01/11/2026".to_string(),
        amount: d(amount),
        balance: d(balance),
        status: ReceivableStatus::Overdue,
        sale_code: None,
        collection: "Carteira · Cobrança simples".to_string(),
        version: 1,
        cancellation: None,
        terms: rules::finance::settlement::LateTerms::NONE,
    };
    let total = ReportTotal {
        count: 2,
        amount: d("1300.50"),
        balance: d("300.50"),
    };
    ReportView {
        company: "1 - Matriz".to_string(),
        grouped_by: "Região".to_string(),
        groups: vec![ReportGroupView {
            name: "SC - Santa Catarina".to_string(),
            total,
            rows: vec![
                row("NF 1/1", "1000.00", "0.00"),
                row("NF 2/1", "300.50", "300.50"),
            ],
        }],
        total,
    }
}

#[test]
fn r_hist_3_the_csv_carries_each_row_the_subtotals_and_the_grand_total() {
    let text = csv_text(&report(), "Região: SC");
    assert!(text.starts_with('\u{feff}'), "Excel reads UTF-8 with a BOM");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[1],
        "Região;Cliente;Documento;Emissão;Vencimento;Situação;Valor;Saldo"
    );
    assert_eq!(
        lines[2],
        "SC - Santa Catarina;\"7 - Padaria; \"\"Pão\"\"\";NF 1/1;01/10/2026;01/11/2026;Vencido;1000,00;0,00"
    );
    assert_eq!(
        lines[4],
        "Subtotal SC - Santa Catarina (2 títulos);;;;;;1300,50;300,50"
    );
    assert_eq!(lines[5], "Total geral (2 títulos);;;;;;1300,50;300,50");
}

#[test]
fn the_workbook_holds_dates_as_dates() {
    let day = excel_date("01/10/2026").expect("a date");
    // Excel's day number: days since 30/12/1899.
    assert_eq!(day.to_excel(), 46296.0);
    for text in ["", "1/10", "31/02/2026", "01/10/2026/1", "aa/10/2026"] {
        assert!(excel_date(text).is_none(), "{text:?}");
    }
}

#[test]
fn r_hist_3_the_workbook_is_an_xlsx_file_with_its_sheet() {
    let bytes = xlsx_bytes(&report(), "Região: SC").unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip");
    let names = String::from_utf8_lossy(&bytes);
    assert!(names.contains("xl/worksheets/sheet1.xml"));
}

/// `(first column, width)` of each `<col>` of the sheet, columns counted from 1.
fn column_widths(bytes: &[u8]) -> Vec<(u32, f64)> {
    use std::io::Read;
    let mut book = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    book.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<col ")
        .skip(1)
        .map(|col| {
            let attr = |name: &str| {
                let start = col.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                col[start..].split('"').next().unwrap().to_string()
            };
            (attr("min").parse().unwrap(), attr("width").parse().unwrap())
        })
        .collect()
}

#[test]
fn r_hist_3_the_workbook_shows_money_whole_and_sizes_the_first_column_by_its_groups() {
    let widths = column_widths(&xlsx_bytes(&report(), "Região: SC").unwrap());
    let width_of = |column: u32| {
        widths
            .iter()
            .rfind(|(first, _)| *first <= column)
            .map(|(_, width)| *width)
            .unwrap()
    };
    // Money: "R$ 12.345.678,90" (Excel's width is in characters, plus padding).
    assert!(
        width_of(7) >= MONEY_WIDTH && width_of(8) >= MONEY_WIDTH,
        "{widths:?}"
    );
    // The group's column fits its names ("SC - Santa Catarina"), not the title above it.
    assert!((19.0..25.0).contains(&width_of(1)), "{widths:?}");
}

#[test]
fn r_hist_3_the_filters_line_shows_money_as_the_screen_does() {
    let input = ReceivableFilterInput {
        situacao: "overdue".to_string(),
        valor_min: "1.000,00".to_string(),
        valor_max: "5000".to_string(),
        ..Default::default()
    };
    assert_eq!(
        describe(&input),
        "Situação: Vencido · Valor de: R$ 1.000,00 · Valor até: R$ 5.000,00"
    );
}
