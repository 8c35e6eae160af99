// The Plot module of Restock.
