import BenchSupport

let arguments = BenchArguments()
print("bench-plot: no case named '\(arguments.caseName)'")
