// The Optimize module of Restock.
