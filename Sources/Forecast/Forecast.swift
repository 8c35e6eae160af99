// The Forecast module of Restock.
