// `import Restock` gives a script every library of the toolkit.
@_exported import Tabular
@_exported import Stats
@_exported import Forecast
@_exported import Plot
@_exported import Optimize
@_exported import Inventory
@_exported import Notebook
