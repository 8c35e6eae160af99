/// Chooses where a legend box goes inside a plot area: the first candidate spot, in the order a reader
/// looks (top right, top left, bottom right, bottom left, then the middles of the edges), whose box
/// overlaps none of the data's footprint.
enum LegendPlacement {
    /// The box of `size` at the first free spot, or nil when every spot would hide data.
    static func freeSpot(size: (width: Double, height: Double), in frame: Rect, avoiding footprint: [Rect],
                         inset: Double) -> Rect? {
        for candidate in candidates(size: size, in: frame, inset: inset) {
            let padded = candidate.insetBy(-inset / 2)
            if !footprint.contains(where: { $0.intersects(padded) }) { return candidate }
        }
        return nil
    }

    /// The box of `size` in a fixed corner.
    static func corner(_ corner: LegendPosition.Corner, size: (width: Double, height: Double), in frame: Rect,
                       inset: Double) -> Rect {
        let left = frame.minX + inset, right = frame.maxX - inset - size.width
        let top = frame.minY + inset, bottom = frame.maxY - inset - size.height
        switch corner {
        case .topLeft: return Rect(x: left, y: top, width: size.width, height: size.height)
        case .topRight: return Rect(x: right, y: top, width: size.width, height: size.height)
        case .bottomLeft: return Rect(x: left, y: bottom, width: size.width, height: size.height)
        case .bottomRight: return Rect(x: right, y: bottom, width: size.width, height: size.height)
        }
    }

    static func candidates(size: (width: Double, height: Double), in frame: Rect, inset: Double) -> [Rect] {
        guard size.width + 2 * inset <= frame.width, size.height + 2 * inset <= frame.height else { return [] }
        let left = frame.minX + inset, right = frame.maxX - inset - size.width
        let top = frame.minY + inset, bottom = frame.maxY - inset - size.height
        let centerX = frame.midX - size.width / 2, centerY = frame.midY - size.height / 2
        return [
            (right, top), (left, top), (right, bottom), (left, bottom),
            (centerX, top), (centerX, bottom), (right, centerY), (left, centerY),
        ].map { Rect(x: $0.0, y: $0.1, width: size.width, height: size.height) }
    }
}
