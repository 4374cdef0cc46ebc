"""Generators of synthetic pages, tables, digits and demo files, and the numeral trainer. Tests,
benchmarks, `saraban demo` and training use them; runtime code never imports them (import contract)."""
