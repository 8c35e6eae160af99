/// Parsers of one field's bytes into typed values, without building a `String`.
///
/// Accepted forms (no surrounding spaces):
/// - integer: `[+-]digits`, within Int64.
/// - double: `[+-]digits[.digits][(e|E)[+-]digits]`, `[+-].digits...`, and `inf`, `infinity`
///   (any case, with a sign). Correctly rounded: Clinger's fast path for up to 19 significant digits
///   and a power of ten up to 22, the standard library's parser otherwise.
/// - boolean: `true` / `false` in any case.
/// - date: `yyyy-MM-dd`.
/// - dateTime: `yyyy-MM-dd HH:mm[:ss[.fraction]][Z]` with a space or `T` between date and time;
///   the fraction is truncated to the whole second (the column stores seconds), `Z` (UTC) is the
///   only zone accepted.
enum CSVFieldParser {
    enum IntegerResult { case value(Int), notInteger, overflow }
    enum DateResult { case value(Int), notDate, invalid }

    @inline(__always)
    static func integer(_ p: UnsafePointer<UInt8>, _ length: Int) -> IntegerResult {
        guard length > 0 else { return .notInteger }
        var index = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B {
            negative = p[0] == 0x2D
            index = 1
            guard length > 1 else { return .notInteger }
        }
        var magnitude: UInt64 = 0
        if length - index <= 18 {
            while index < length {
                let digit = UInt64(p[index]) &- 0x30
                guard digit < 10 else { return .notInteger }
                magnitude = magnitude &* 10 &+ digit
                index += 1
            }
            return .value(negative ? -Int(magnitude) : Int(magnitude))
        }
        var overflow = false
        while index < length {
            let digit = UInt64(p[index]) &- 0x30
            guard digit < 10 else { return .notInteger }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(digit)
            overflow = overflow || o1 || o2
            magnitude = sum
            index += 1
        }
        if overflow { return .overflow }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { return .overflow }
            return .value(magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude))
        }
        guard magnitude <= UInt64(Int.max) else { return .overflow }
        return .value(Int(magnitude))
    }

    /// 10^exponent for 0...22, all exact in a double.
    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> Double {
        let powers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
        return powers[exponent]
    }

    @inline(__always)
    static func double(_ p: UnsafePointer<UInt8>, _ length: Int) -> Double? {
        guard length > 0 else { return nil }
        var index = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B {
            negative = p[0] == 0x2D
            index = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var digits = 0
        while index < length {
            let digit = UInt64(p[index]) &- 0x30
            guard digit < 10 else { break }
            if significant < 19 {
                mantissa = mantissa &* 10 &+ digit
                if mantissa > 0 { significant += 1 }
            } else {
                exponent += 1
                significant += 1
            }
            digits += 1
            index += 1
        }
        if index < length, p[index] == 0x2E {
            index += 1
            while index < length {
                let digit = UInt64(p[index]) &- 0x30
                guard digit < 10 else { break }
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    exponent -= 1
                    if mantissa > 0 { significant += 1 }
                } else {
                    significant += 1
                }
                digits += 1
                index += 1
            }
        }
        guard digits > 0 else { return infinity(p, length) }
        if index < length, p[index] | 0x20 == 0x65 {
            index += 1
            var exponentNegative = false
            if index < length, p[index] == 0x2D || p[index] == 0x2B {
                exponentNegative = p[index] == 0x2D
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < length {
                let digit = Int(p[index]) &- 0x30
                guard digit >= 0, digit < 10 else { return nil }
                if written < 100_000 { written = written * 10 + digit }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == length else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if significant <= 19, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let value = exponent < 0 ? Double(mantissa) / powerOfTen(-exponent) : Double(mantissa) * powerOfTen(exponent)
            return negative ? -value : value
        }
        // Rare: many digits or a large exponent. The standard library rounds correctly.
        let text = String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
        return Double(text)
    }

    private static func infinity(_ p: UnsafePointer<UInt8>, _ length: Int) -> Double? {
        var index = 0
        var negative = false
        if length > 0, p[0] == 0x2D || p[0] == 0x2B {
            negative = p[0] == 0x2D
            index = 1
        }
        let rest = length - index
        guard rest == 3 || rest == 8 else { return nil }
        let word: [UInt8] = Array("infinity".utf8)
        for offset in 0..<rest where p[index + offset] | 0x20 != word[offset] { return nil }
        return negative ? -.infinity : .infinity
    }

    @inline(__always)
    static func boolean(_ p: UnsafePointer<UInt8>, _ length: Int) -> Bool? {
        if length == 4, p[0] | 0x20 == 0x74, p[1] | 0x20 == 0x72, p[2] | 0x20 == 0x75, p[3] | 0x20 == 0x65 { return true }
        if length == 5, p[0] | 0x20 == 0x66, p[1] | 0x20 == 0x61, p[2] | 0x20 == 0x6C, p[3] | 0x20 == 0x73,
           p[4] | 0x20 == 0x65 { return false }
        return nil
    }

    @inline(__always)
    private static func twoDigits(_ p: UnsafePointer<UInt8>, _ at: Int) -> Int? {
        let high = Int(p[at]) &- 0x30, low = Int(p[at + 1]) &- 0x30
        guard high >= 0, high < 10, low >= 0, low < 10 else { return nil }
        return high * 10 + low
    }

    /// Days since 1970-01-01 of `yyyy-MM-dd` (the first 10 bytes; the caller checks the length).
    @inline(__always)
    private static func days(_ p: UnsafePointer<UInt8>) -> DateResult {
        guard p[4] == 0x2D, p[7] == 0x2D, let century = twoDigits(p, 0), let year = twoDigits(p, 2),
              let month = twoDigits(p, 5), let day = twoDigits(p, 8) else { return .notDate }
        let fullYear = century * 100 + year
        guard CivilDate.isValid(year: fullYear, month: month, day: day) else { return .invalid }
        return .value(CivilDate(year: fullYear, month: month, day: day).daysSince1970)
    }

    @inline(__always)
    static func date(_ p: UnsafePointer<UInt8>, _ length: Int) -> DateResult {
        guard length == 10 else { return .notDate }
        return days(p)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    @inline(__always)
    static func dateTime(_ p: UnsafePointer<UInt8>, _ length: Int) -> DateResult {
        guard length >= 16, p[10] == 0x20 || p[10] == 0x54, p[13] == 0x3A else { return .notDate }
        let dayResult = days(p)
        guard let hour = twoDigits(p, 11), let minute = twoDigits(p, 14) else { return .notDate }
        var second = 0
        var index = 16
        if index < length, p[index] == 0x3A {
            guard length >= 19, let value = twoDigits(p, 17) else { return .notDate }
            second = value
            index = 19
            if index < length, p[index] == 0x2E {
                index += 1
                let fractionStart = index
                while index < length, p[index] &- 0x30 < 10 { index += 1 }
                guard index > fractionStart else { return .notDate }
            }
        }
        if index < length, p[index] == 0x5A { index += 1 }
        guard index == length else { return .notDate }
        guard case let .value(days) = dayResult else { return dayResult }
        guard hour < 24, minute < 60, second < 60 else { return .invalid }
        return .value(days * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// The narrowest type that holds the value (a value shaped like a date that is not a real one
    /// still counts as a date here; conversion reports it).
    static func classify(_ p: UnsafePointer<UInt8>, _ length: Int) -> ColumnType {
        switch integer(p, length) {
        case .value: return .integer
        case .overflow: return .double
        case .notInteger: break
        }
        if double(p, length) != nil { return .double }
        if boolean(p, length) != nil { return .boolean }
        if case .notDate = date(p, length) {} else { return .date }
        if case .notDate = dateTime(p, length) {} else { return .dateTime }
        return .string
    }

    /// The type that holds values of both types: integers widen to doubles, dates to date-times,
    /// anything else to text.
    static func join(_ a: ColumnType, _ b: ColumnType) -> ColumnType {
        if a == b { return a }
        switch (a, b) {
        case (.integer, .double), (.double, .integer): return .double
        case (.date, .dateTime), (.dateTime, .date): return .dateTime
        default: return .string
        }
    }
}
