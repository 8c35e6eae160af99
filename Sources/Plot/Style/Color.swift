import Foundation

/// An sRGB colour with an opacity, as the charts draw it.
public struct Color: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    /// Opacity from 0 (invisible) to 1 (opaque); values outside are clamped when drawn.
    public var opacity: Double

    public init(red: UInt8, green: UInt8, blue: UInt8, opacity: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.opacity = opacity
    }

    /// A colour from a 24-bit `0xRRGGBB` literal, e.g. `Color(hex: 0x0173B2)`.
    public init(hex: UInt32, opacity: Double = 1) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF),
                  opacity: opacity)
    }

    /// A grey of the given lightness, 0 black to 1 white, the way matplotlib reads `".15"`.
    public init(gray lightness: Double, opacity: Double = 1) {
        let level = Color.channel(lightness * 255)
        self.init(red: level, green: level, blue: level, opacity: opacity)
    }

    public static let white = Color(hex: 0xFFFFFF)
    public static let black = Color(hex: 0x000000)

    /// The same colour with another opacity.
    public func withOpacity(_ opacity: Double) -> Color {
        Color(red: red, green: green, blue: blue, opacity: opacity)
    }

    /// The colour a fraction `amount` (0...1) of the way to `other`, channel by channel in sRGB.
    public func mixed(with other: Color, amount: Double) -> Color {
        let t = min(1, max(0, amount.isNaN ? 0 : amount))
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { Color.channel(Double(a) + (Double(b) - Double(a)) * t) }
        return Color(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue),
                     opacity: opacity + (other.opacity - opacity) * t)
    }

    /// The colour with its saturation (HSL) multiplied by `factor`, as seaborn tones down box fills.
    public func desaturated(by factor: Double) -> Color {
        let r = Double(red) / 255, g = Double(green) / 255, b = Double(blue) / 255
        let high = max(r, g, b), low = min(r, g, b)
        let lightness = (high + low) / 2
        guard high > low else { return self }
        let chroma = high - low
        let saturation = lightness > 0.5 ? chroma / (2 - high - low) : chroma / (high + low)
        let newSaturation = saturation * min(1, max(0, factor))
        let newChroma = (1 - abs(2 * lightness - 1)) * newSaturation
        // Scale each channel's distance from the lightness by the change in chroma.
        let ratio = chroma > 0 ? newChroma / chroma : 0
        func channel(_ c: Double) -> UInt8 { Color.channel((lightness + (c - lightness) * ratio) * 255) }
        return Color(red: channel(r), green: channel(g), blue: channel(b), opacity: opacity)
    }

    /// Relative luminance (WCAG 2.x): 0 for black, 1 for white.
    public var luminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio between two opaque colours, from 1 (none) to 21 (black on white).
    public func contrastRatio(with other: Color) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Of `dark` and `light`, the one that reads better on this colour (WCAG contrast).
    public func readableText(dark: Color = Color(gray: 0.15), light: Color = .white) -> Color {
        contrastRatio(with: dark) >= contrastRatio(with: light) ? dark : light
    }

    public var description: String {
        let hex = (UInt32(red) << 16) | (UInt32(green) << 8) | UInt32(blue)
        let digits = String(hex, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
            + (opacity < 1 ? " (\(opacity))" : "")
    }

    /// libgd's truecolor packing: 7-bit alpha where 0 is opaque, then 8-bit red, green, blue.
    var gdValue: Int32 {
        let alpha = Int32((127 - min(1, max(0, opacity)) * 127).rounded())
        return (alpha << 24) | (Int32(red) << 16) | (Int32(green) << 8) | Int32(blue)
    }

    static func channel(_ value: Double) -> UInt8 {
        UInt8(min(255, max(0, value.isNaN ? 0 : value.rounded())))
    }
}
