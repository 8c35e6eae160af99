import BenchSupport

let arguments = BenchArguments()
print("bench-inventory: no case named '\(arguments.caseName)'")
