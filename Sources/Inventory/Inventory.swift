// The Inventory module of Restock.
