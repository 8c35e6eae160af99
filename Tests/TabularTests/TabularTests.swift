// Tests of the Tabular module.
