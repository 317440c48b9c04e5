//! Customer Console.
