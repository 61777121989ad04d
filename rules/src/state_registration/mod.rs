//! Inscrição estadual: each state's own format and check digits (issue 11).
