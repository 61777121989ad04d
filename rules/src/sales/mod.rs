//! Sales defaults (R-SALES): pure decisions over a customer's commercial terms (issue 11).
