/// Elementary functions written with IEEE 754 basic operations only (+, −, ×, ÷, rounding), so that
/// they give the same bits on every machine; the platform's `exp`, `log`, `sin` may differ in the last
/// place between C libraries, and one flipped bit can change a random draw and the generated files.
///
/// Accuracy is a few ulps, which is all a synthetic-data generator needs.
enum PortableMath {
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let ln2 = 0.6931471805599453
    static let twoPi = 6.283185307179586
    static let halfPi = 1.5707963267948966

    /// e^x; 0 below −745 and +∞ above 709.78.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.1 { return 0 }
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo   // |r| <= ln 2 / 2
        // Taylor series of e^r to r^13: the remainder is below 1e-17 for |r| <= 0.35.
        var term = 1.0, sum = 1.0
        for n in 1...13 {
            term = term * r / Double(n)
            sum += term
        }
        return scale(sum, byPowerOfTwo: Int(k))
    }

    /// Natural logarithm; −∞ at 0 and NaN below 0.
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        var exponent = Int(x.exponent)
        var m = x.significand   // in [1, 2), exact
        if m > 1.4142135623730951 {
            m /= 2
            exponent += 1
        }
        // log m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| <= 0.1716: the odd series to s^23 suffices.
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var power = s, sum = 0.0
        var n = 1.0
        while n <= 23 {
            sum += power / n
            power *= s2
            n += 2
        }
        return Double(exponent) * ln2Hi + (Double(exponent) * ln2Lo + 2 * sum)
    }

    /// sin x for moderate |x| (the generator only takes angles within a few turns).
    static func sin(_ x: Double) -> Double {
        let turns = (x / twoPi).rounded()
        let r = x - turns * twoPi
        let quadrant = (r / halfPi).rounded()
        let y = r - quadrant * halfPi   // |y| <= pi/4
        switch ((Int(quadrant) % 4) + 4) % 4 {
        case 0: return sinSeries(y)
        case 1: return cosSeries(y)
        case 2: return -sinSeries(y)
        default: return -cosSeries(y)
        }
    }

    static func cos(_ x: Double) -> Double { sin(x + halfPi) }

    private static func sinSeries(_ y: Double) -> Double {
        let y2 = y * y
        var term = y, sum = y
        for n in stride(from: 2, through: 18, by: 2) {
            term = -term * y2 / Double(n * (n + 1))
            sum += term
        }
        return sum
    }

    private static func cosSeries(_ y: Double) -> Double {
        let y2 = y * y
        var term = 1.0, sum = 1.0
        for n in stride(from: 1, through: 17, by: 2) {
            term = -term * y2 / Double(n * (n + 1))
            sum += term
        }
        return sum
    }

    /// x · 2^k, exact unless the result under- or overflows.
    static func scale(_ x: Double, byPowerOfTwo k: Int) -> Double {
        var result = x
        var k = k
        while k > 1000 {
            result *= Double(sign: .plus, exponent: 1000, significand: 1)
            k -= 1000
        }
        while k < -1000 {
            result *= Double(sign: .plus, exponent: -1000, significand: 1)
            k += 1000
        }
        return result * Double(sign: .plus, exponent: k, significand: 1)
    }
}
