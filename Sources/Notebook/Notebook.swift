// The Notebook module of Restock.
