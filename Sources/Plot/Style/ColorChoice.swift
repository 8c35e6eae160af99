/// A series colour: one the caller fixed, or the theme palette's colour at an index.
///
/// Charts keep the choice rather than the colour so that a figure's theme can change after charts
/// were added.
enum ColorChoice: Sendable, Hashable {
    case fixed(Color)
    case palette(Int)

    func resolve(_ palette: Palette) -> Color {
        switch self {
        case let .fixed(color): return color
        case let .palette(index): return palette.color(at: index)
        }
    }
}
