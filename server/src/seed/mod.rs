//! Seed data: the demo tenant that the run command loads, and the generator of realistic
//! Brazilian records that tests and benchmarks size with a flag.

pub mod addresses;
pub mod chart;
pub mod cli;
pub mod customers;
pub mod demo;
pub mod lookups;
pub mod people;
pub mod receivables;
pub mod sales;
pub mod tenant;
