// Draws every chart kind of the Plot module on the Online Retail data.
import Plot
import Tabular
