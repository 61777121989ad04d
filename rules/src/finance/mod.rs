//! Receivables, settlements, customer advances and credit availability (issue 12): the
//! arithmetic and decisions of the financial ledger, plain values in, decisions out.
