import BenchSupport

let arguments = BenchArguments()
print("bench-stats: no case named '\(arguments.caseName)'")
