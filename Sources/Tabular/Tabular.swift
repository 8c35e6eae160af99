// The Tabular module of Restock.
