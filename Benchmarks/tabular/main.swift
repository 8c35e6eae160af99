import BenchSupport
import Tabular

let arguments = BenchArguments()
print("bench-tabular: no case named '\(arguments.caseName)'")
