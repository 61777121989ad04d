//! Worked examples per UF. "SINTEGRA" marks the example printed on the state's SINTEGRA
//! "roteiro de crítica" (or the state's own page, where said); "ACBr" marks a number used
//! in the ACBr project's public test suite; "computed" marks a number made here from the
//! routine. Each comment redoes the arithmetic by hand, as a second computation independent
//! of the code. Σ is the weighted sum; "r" the remainder.

use super::*;

pub(super) fn accepts(uf: &str, typed: &str, stored: &str) {
    assert_eq!(
        validate(uf, typed),
        Ok(StateRegistration::Number(stored.into())),
        "{uf} {typed}"
    );
}

pub(super) fn refuses_check_digit(uf: &str, typed: &str) {
    assert_eq!(
        validate(uf, typed),
        Err(format!(
            "Inscrição estadual inválida para {uf}: dígito verificador não confere"
        )),
        "{uf} {typed}"
    );
}

pub(super) fn refuses(uf: &str, typed: &str, message: &str) {
    assert_eq!(validate(uf, typed), Err(message.into()), "{uf} {typed}");
}

#[test]
fn ac_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 01.004.823/001-12: Σ(0,1,0,0,4,8,2,3,0,0,1 × 4,3,2,9,8,7,6,5,4,3,2) = 120,
    // r 10 → 1; Σ(…,1 × 5,4,3,2,9,8,7,6,5,4,3,2) = 141, r 9 → 2.
    accepts("AC", "01.004.823/001-12", "0100482300112");
    refuses_check_digit("AC", "01.004.823/001-13");
    refuses_check_digit("AC", "01.004.823/001-02");
    // Computed 01.987.654/321-34: Σ(0,1,9,8,7,6,5,4,3,2,1 × 4,3,2,9,…,2) = 261, r 8 → 3;
    // Σ(…,3 × 5,4,3,2,9,…,2) = 249, r 7 → 4.
    accepts("AC", "01.987.654/321-34", "0198765432134");
    refuses_check_digit("AC", "0198765432135");
    refuses(
        "AC",
        "0200482300112",
        "Inscrição estadual de AC começa com 01",
    );
}

#[test]
fn al_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 240000048: Σ(2,4,0,0,0,0,0,4 × 9..2) = 18+32+8 = 58; 580 mod 11 = 8.
    accepts("AL", "240000048", "240000048");
    refuses_check_digit("AL", "240000049");
    // ACBr 240123450: Σ = 18+32+0+6+10+12+12+10 = 100; 1000 mod 11 = 10 → 0.
    accepts("AL", "24.012.345-0", "240123450");
    refuses_check_digit("AL", "240123451");
    // Computed 243000014: Σ = 18+32+21+2 = 73; 730 mod 11 = 4.
    accepts("AL", "243000014", "243000014");
    refuses_check_digit("AL", "243000015");
    refuses("AL", "250000048", "Inscrição estadual de AL começa com 24");
}

#[test]
fn ap_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 030123459: 03012345 is in 03000001–03017000, so p = 5, d = 0;
    // Σ(0,3,0,1,2,3,4,5 × 9..2) = 74; 74 + 5 = 79, r 2 → 9.
    accepts("AP", "03.012.345-9", "030123459");
    refuses_check_digit("AP", "030123458");
    // ACBr 030170011: 03017001 is in 03017001–03019022, p = 9, d = 1;
    // Σ = 24+6+35+2 = 67; 67 + 9 = 76, r 10 → 11 − 10 = 1.
    accepts("AP", "030170011", "030170011");
    refuses_check_digit("AP", "030170012");
    // ACBr 030190231: 03019023 is past 03019022, p = 0, d = 0; Σ = 24+6+45+6+6 = 87,
    // r 10 → 1.
    accepts("AP", "030190231", "030190231");
    refuses_check_digit("AP", "030190230");
    refuses("AP", "040123459", "Inscrição estadual de AP começa com 03");
}

#[test]
fn am_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // ACBr 12.312.312-7: Σ(1,2,3,1,2,3,1,2 × 9..2) = 9+16+21+6+10+12+3+4 = 81, r 4 → 7.
    accepts("AM", "12.312.312-7", "123123127");
    refuses_check_digit("AM", "123123128");
    // Computed 04.117.398-8: Σ = 0+32+7+6+35+12+27+16 = 135, r 3 → 8.
    accepts("AM", "04.117.398-8", "041173988");
    refuses_check_digit("AM", "041173989");
}

#[test]
fn ba_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 123456-63 (8 digits, first digit 1: mod 10). Last digit first:
    // Σ(1,2,3,4,5,6 × 7..2) = 77 → 10 − 7 = 3; then Σ(1,2,3,4,5,6,3 × 8..2) = 104 → 6.
    accepts("BA", "123456-63", "12345663");
    refuses_check_digit("BA", "123456-73");
    // Computed 612345-57 (8 digits, first digit 6: mod 11): Σ(6,1,2,3,4,5 × 7..2) = 92,
    // r 4 → 7; Σ(6,1,2,3,4,5,7 × 8..2) = 127, r 6 → 5.
    accepts("BA", "612345-57", "61234557");
    refuses_check_digit("BA", "612345-58");
    // SEFAZ-BA 1234567-48 (9 digits, second digit 2: mod 10): Σ(1..7 × 8..2) = 112 → 8;
    // Σ(1,2,3,4,5,6,7,8 × 9..2) = 156 → 4.
    accepts("BA", "1234567-48", "123456748");
    refuses_check_digit("BA", "1234567-49");
    // SEFAZ-BA 1623456-51 (9 digits, second digit 6: mod 11): Σ(1,6,2,3,4,5,6 × 8..2) = 120,
    // r 10 → 1; Σ(1,6,2,3,4,5,6,1 × 9..2) = 149, r 6 → 5.
    accepts("BA", "1623456-51", "162345651");
    refuses_check_digit("BA", "1623456-61");
}

#[test]
fn ce_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 06000001-5: Σ(0,6,0,0,0,0,0,1 × 9..2) = 48+2 = 50, r 6 → 5.
    accepts("CE", "06000001-5", "060000015");
    refuses_check_digit("CE", "060000016");
    // ACBr 02345678-7: Σ = 16+21+24+25+24+21+16 = 147, r 4 → 7.
    accepts("CE", "02345678-7", "023456787");
    refuses_check_digit("CE", "023456788");
}

#[test]
fn df_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 07300001001-09: Σ(0,7,3,0,0,0,0,1,0,0,1 × 4,3,2,9,…,2) = 21+6+5+2 = 34,
    // r 1 → 0; Σ(…,0 × 5,4,3,2,9,…,2) = 28+9+6+3 = 46, r 2 → 9.
    accepts("DF", "07300001001-09", "0730000100109");
    refuses_check_digit("DF", "0730000100108");
    refuses_check_digit("DF", "0730000100119");
    // Computed 07654321000-66: Σ(0,7,6,5,4,3,2,1,0,0,0 × 4,3,2,9,…,2) = 148, r 5 → 6;
    // Σ(…,6 × 5,4,3,2,9,…,2) = 148, r 5 → 6.
    accepts("DF", "07654321000-66", "0765432100066");
    refuses_check_digit("DF", "0765432100067");
    refuses(
        "DF",
        "0830000100109",
        "Inscrição estadual de DF começa com 07",
    );
}

#[test]
fn es_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 99999999-0: Σ = 9 × (9+8+…+2) = 396, r 0 → 0.
    accepts("ES", "99999999-0", "999999990");
    refuses_check_digit("ES", "999999991");
    // ACBr 123123127: Σ = 81, r 4 → 7.
    accepts("ES", "123.123.127", "123123127");
    refuses_check_digit("ES", "123123126");
}

#[test]
fn go_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 10.987.654-7: Σ(1,0,9,8,7,6,5,4 × 9..2) = 202, r 4 → 7.
    accepts("GO", "10.987.654-7", "109876547");
    refuses_check_digit("GO", "10.987.654-8");
    // Computed 20.123.456-4 (the 20–29 range): Σ = 18+0+7+12+15+16+15+12 = 95, r 7 → 4.
    accepts("GO", "20.123.456-4", "201234564");
    refuses_check_digit("GO", "201234565");
    refuses(
        "GO",
        "129876547",
        "Inscrição estadual de GO começa com 10, 11, 15 ou de 20 a 29",
    );
}

#[test]
fn go_gives_one_for_remainder_one_inside_its_special_range_and_takes_both_digits_for_11094402() {
    // Computed 10.103.105-1: Σ(1,0,1,0,3,1,0,5 × 9..2) = 9+7+15+4+10 = 45, r 1; inside
    // 10103105–10119997 remainder 1 gives 1, so 0 is refused.
    accepts("GO", "10.103.105-1", "101031051");
    refuses_check_digit("GO", "10.103.105-0");
    // 11094402: Σ = 9+8+54+20+16+4 = 111, r 1 → 0 by the rule, but 1 was issued too.
    accepts("GO", "11.094.402-0", "110944020");
    accepts("GO", "11.094.402-1", "110944021");
    refuses_check_digit("GO", "11.094.402-2");
}

#[test]
fn ma_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 12000038-5: Σ(1,2,0,0,0,0,3,8 × 9..2) = 9+16+9+16 = 50, r 6 → 5.
    accepts("MA", "12000038-5", "120000385");
    refuses_check_digit("MA", "120000386");
    // Computed 12345678-9: Σ = 9+16+21+24+25+24+21+16 = 156, r 2 → 9.
    accepts("MA", "12345678-9", "123456789");
    refuses_check_digit("MA", "123456780");
    refuses("MA", "130000385", "Inscrição estadual de MA começa com 12");
}

#[test]
fn mt_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 0013000001-9: Σ(0,0,1,3,0,0,0,0,0,1 × 3,2,9,8,…,2) = 9+24+2 = 35, r 2 → 9.
    accepts("MT", "0013000001-9", "00130000019");
    refuses_check_digit("MT", "00130000018");
    // The same number as usually printed, without its leading zeros, stores padded.
    accepts("MT", "13.000.001-9", "00130000019");
    // Computed 0013987654-5: Σ = 9+24+63+48+35+24+15+8 = 226, r 6 → 5.
    accepts("MT", "0013987654-5", "00139876545");
    refuses_check_digit("MT", "0013987654-6");
    refuses("MT", "1300001-9", "Inscrição estadual de MT tem 11 dígitos");
}

#[test]
fn ms_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // ACBr 28.312.312-5: Σ(2,8,3,1,2,3,1,2 × 9..2) = 18+64+21+6+10+12+3+4 = 138, r 6 → 5.
    accepts("MS", "28.312.312-5", "283123125");
    refuses_check_digit("MS", "283123126");
    // Computed 28.000.000-6: Σ = 18+64 = 82, r 5 → 6.
    accepts("MS", "28.000.000-6", "280000006");
    refuses_check_digit("MS", "280000007");
    // Computed 50.123.456-0 (the newer 50 range): Σ = 45+7+12+15+16+15+12 = 122, r 1 → 0.
    accepts("MS", "50.123.456-0", "501234560");
    refuses_check_digit("MS", "501234561");
    refuses(
        "MS",
        "290000006",
        "Inscrição estadual de MS começa com 28 ou 50",
    );
}

#[test]
fn mg_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 062.307.904/0081: 062 0 30790400 × 1,2,1,2… = 0,12,2,0,3,0,7,18,0,8,0,0;
    // digits add to 32 → 40 − 32 = 8. Σ(0,6,2,3,0,7,9,0,4,0,0,8 × 3,2,11,10,…,2) = 219,
    // r 10 → 1.
    accepts("MG", "062.307.904/0081", "0623079040081");
    refuses_check_digit("MG", "062.307.904/0082");
    refuses_check_digit("MG", "062.307.904/0091");
    // Computed 317.000.001/0146: 317 0 00000101 × 1,2,… = 3,2,7,0,0,0,0,0,0,2,0,2; digits
    // add to 16 → 4. Σ(3,1,7,0,0,0,0,0,1,0,1,4 × 3,2,11,…,2) = 9+2+77+5+3+8 = 104, r 5 → 6.
    accepts("MG", "317.000.001/0146", "3170000010146");
    refuses_check_digit("MG", "3170000010147");
}

#[test]
fn pa_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 15-999999-5: Σ = 9+40+9 × (7+6+5+4+3+2) = 292, r 6 → 5.
    accepts("PA", "15-999999-5", "159999995");
    refuses_check_digit("PA", "159999996");
    // Computed 15-123456-6: Σ = 9+40+7+12+15+16+15+12 = 126, r 5 → 6.
    accepts("PA", "15-123456-6", "151234566");
    refuses_check_digit("PA", "151234567");
    refuses("PA", "169999995", "Inscrição estadual de PA começa com 15");
}

#[test]
fn pb_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 06000001-5: Σ = 48+2 = 50, r 6 → 5.
    accepts("PB", "06000001-5", "060000015");
    refuses_check_digit("PB", "060000014");
    // ACBr 16000001-7: Σ = 9+48+2 = 59, r 4 → 7.
    accepts("PB", "16000001-7", "160000017");
    refuses_check_digit("PB", "160000018");
}

#[test]
fn pr_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 123.45678-50: Σ(1..8 × 3,2,7,6,5,4,3,2) = 138, r 6 → 5;
    // Σ(1..8,5 × 4,3,2,7,6,5,4,3,2) = 166, r 1 → 0.
    accepts("PR", "123.45678-50", "1234567850");
    refuses_check_digit("PR", "123.45678-51");
    refuses_check_digit("PR", "123.45678-60");
    // Computed 190.12345-62: Σ(1,9,0,1,2,3,4,5 × 3,2,7,…,2) = 71, r 5 → 6;
    // Σ(…,6 × 4,3,2,7,…,2) = 108, r 9 → 2.
    accepts("PR", "190.12345-62", "1901234562");
    refuses_check_digit("PR", "1901234563");
}

#[test]
fn pe_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 0321418-40 (eFisco): Σ(0,3,2,1,4,1,8 × 8..2) = 73, r 7 → 4;
    // Σ(0,3,2,1,4,1,8,4 × 9..2) = 100, r 1 → 0.
    accepts("PE", "0321418-40", "032141840");
    refuses_check_digit("PE", "0321418-41");
    refuses_check_digit("PE", "0321418-50");
    // SINTEGRA 18.1.001.0000004-9 (old form): Σ(1,8,1,0,0,1,0,0,0,0,0,0,4 ×
    // 5,4,3,2,1,9,8,7,6,5,4,3,2) = 5+32+3+9+8 = 57, r 2 → 9.
    accepts("PE", "18.1.001.0000004-9", "18100100000049");
    refuses_check_digit("PE", "18.1.001.0000004-8");
}

#[test]
fn pi_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 01234567-9: Σ(0..7 × 9..2) = 8+14+18+20+20+18+14 = 112, r 2 → 9.
    accepts("PI", "01234567-9", "012345679");
    refuses_check_digit("PI", "012345670");
    // ACBr 192345672: Σ = 9+72+14+18+20+20+18+14 = 185, r 9 → 2.
    accepts("PI", "192345672", "192345672");
    refuses_check_digit("PI", "192345673");
}

#[test]
fn rj_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 99.999.99-3: Σ = 9 × (2+7+6+5+4+3+2) = 261, r 8 → 3.
    accepts("RJ", "99.999.99-3", "99999993");
    refuses_check_digit("RJ", "99999994");
    // ACBr 12.123.12-4: Σ(1,2,1,2,3,1,2 × 2,7,6,5,4,3,2) = 2+14+6+10+12+3+4 = 51, r 7 → 4.
    accepts("RJ", "12.123.12-4", "12123124");
    refuses_check_digit("RJ", "12123125");
}

#[test]
fn rn_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 20.040.040-1: Σ(2,0,0,4,0,0,4,0 × 9..2) = 18+24+12 = 54; 540 mod 11 = 1.
    accepts("RN", "20.040.040-1", "200400401");
    refuses_check_digit("RN", "200400402");
    // SINTEGRA 20.0.040.040-0: Σ(2,0,0,0,4,0,0,4,0 × 10..2) = 20+24+12 = 56;
    // 560 mod 11 = 10 → 0.
    accepts("RN", "20.0.040.040-0", "2000400400");
    refuses_check_digit("RN", "2000400401");
    refuses("RN", "210400401", "Inscrição estadual de RN começa com 20");
}

#[test]
fn rs_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 224/3658792: Σ(2,2,4,3,6,5,8,7,9 × 2,9,8,…,2) = 207, r 9 → 2.
    accepts("RS", "224/3658792", "2243658792");
    refuses_check_digit("RS", "224/3658793");
    // Computed 096/0123458: Σ(0,9,6,0,1,2,3,4,5 × 2,9,8,…,2) = 81+48+6+10+12+12+10 = 179,
    // r 3 → 8.
    accepts("RS", "096/0123458", "0960123458");
    refuses_check_digit("RS", "0960123459");
}

#[test]
fn ro_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 0000000062521-3: Σ(…,6,2,5,2,1 × …,6,5,4,3,2) = 36+10+20+6+2 = 74, r 8 → 3.
    accepts("RO", "0000000062521-3", "00000000625213");
    refuses_check_digit("RO", "00000000625214");
    // Computed 1234567890123-1: Σ(1,2,3,4,5,6,7,8,9,0,1,2,3 × 6,5,4,3,2,9,…,2) = 286, r 0;
    // 11 − 0 = 11 loses ten → 1 (where the common rule would give 0).
    accepts("RO", "1234567890123-1", "12345678901231");
    refuses_check_digit("RO", "12345678901230");
    refuses(
        "RO",
        "101.62521-3",
        "Inscrição estadual de RO tem 14 dígitos",
    );
}

#[test]
fn rr_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 24006628-1: Σ(2,4,0,0,6,6,2,8 × 1..8) = 2+8+30+36+14+64 = 154; 154 mod 9 = 1.
    accepts("RR", "24006628-1", "240066281");
    refuses_check_digit("RR", "240066282");
    // SINTEGRA 24008266-8: Σ = 2+8+40+12+42+48 = 152; 152 mod 9 = 8.
    accepts("RR", "24008266-8", "240082668");
    refuses_check_digit("RR", "240082660");
    refuses("RR", "250082668", "Inscrição estadual de RR começa com 24");
}

#[test]
fn sc_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 251.040.852: Σ(2,5,1,0,4,0,8,5 × 9..2) = 18+40+7+20+24+10 = 119, r 9 → 2.
    accepts("SC", "251.040.852", "251040852");
    refuses_check_digit("SC", "251.040.853");
    // Computed 251.234.568: Σ = 18+40+7+12+15+16+15+12 = 135, r 3 → 8.
    accepts("SC", "251.234.568", "251234568");
    refuses_check_digit("SC", "251234569");
}

#[test]
fn sp_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 110.042.490.114: Σ(1,1,0,0,4,2,4,9 × 1,3,4,5,6,7,8,10) = 164, r 10 → 0;
    // Σ(1,1,0,0,4,2,4,9,0,1,1 × 3,2,10,9,…,2) = 125, r 4 → 4.
    accepts("SP", "110.042.490.114", "110042490114");
    refuses_check_digit("SP", "110.042.490.115");
    refuses_check_digit("SP", "110.042.491.114");
    // Computed 515.012.342.507: Σ(5,1,5,0,1,2,3,4 × 1,3,4,5,6,7,8,10) = 112, r 2 → 2;
    // Σ(5,1,5,0,1,2,3,4,2,5,0 × 3,2,10,…,2) = 150, r 7 → 7.
    accepts("SP", "515.012.342.507", "515012342507");
    refuses_check_digit("SP", "515012342508");
}

#[test]
fn sp_rural_producers_keep_their_p_and_have_one_check_digit() {
    // SINTEGRA P-01100424.3/002: Σ(0,1,1,0,0,4,2,4 × 1,3,4,5,6,7,8,10) = 91, r 3 → 3.
    accepts("SP", "P-01100424.3/002", "P011004243002");
    accepts("SP", "p011004243002", "P011004243002");
    refuses_check_digit("SP", "P-01100424.4/002");
    // Computed P-02345678.4/001: Σ(0,2,3,4,5,6,7,8 × 1,3,4,5,6,7,8,10) = 246, r 4 → 4.
    accepts("SP", "P-02345678.4/001", "P023456784001");
    refuses_check_digit("SP", "P-02345678.5/001");
    // The last three digits are a sequence, not a check digit.
    accepts("SP", "P-02345678.4/999", "P023456784999");
    refuses(
        "SP",
        "P-0110042.3/002",
        "Inscrição estadual de SP tem 12 dígitos (ou P e 12 dígitos, se produtor rural)",
    );
}

#[test]
fn se_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 27123456-3: Σ(2,7,1,2,3,4,5,6 × 9..2) = 18+56+7+12+15+16+15+12 = 151, r 8 → 3.
    accepts("SE", "27.123.456-3", "271234563");
    refuses_check_digit("SE", "271234564");
    // Computed 27000001-1: Σ = 18+56+2 = 76, r 10 → 1.
    accepts("SE", "27000001-1", "270000011");
    refuses_check_digit("SE", "270000012");
}

#[test]
fn to_accepts_its_published_examples_and_refuses_a_changed_digit() {
    // SINTEGRA 29 01 022783 6: the type code 01 is skipped; Σ(2,9,0,2,2,7,8,3 × 9..2) = 170,
    // r 5 → 6.
    accepts("TO", "29.01.022783-6", "29010227836");
    refuses_check_digit("TO", "29010227837");
    // The same registration in today's 9-digit form keeps its check digit.
    accepts("TO", "29.022.783-6", "290227836");
    refuses_check_digit("TO", "290227837");
    // ACBr 01.022.783-0: Σ(0,1,0,2,2,7,8,3 × 9..2) = 8+12+10+28+24+6 = 88, r 0 → 0.
    accepts("TO", "01.022.783-0", "010227830");
    refuses_check_digit("TO", "010227831");
    refuses(
        "TO",
        "29040227836",
        "Inscrição estadual inválida para TO: 3º e 4º dígitos devem ser 01, 02, 03 ou 99",
    );
}
