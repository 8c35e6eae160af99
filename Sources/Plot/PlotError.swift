/// Why a figure could not be built or rendered.
public enum PlotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No font file was found in any of the places looked at.
    case fontNotFound(file: String, searched: [String])
    /// Two inputs that must have one entry per data point differ in length.
    case lengthMismatch(chart: String, expected: Int, actual: Int, argument: String)
    /// A chart was added to a panel whose horizontal or vertical axis holds another kind of value.
    case axisKindMismatch(chart: String, axis: String, existing: String, new: String)
    /// A value that must be finite, positive or within a range is not.
    case invalidValue(chart: String, argument: String, reason: String)
    /// The figure's size is not positive or too large for one image.
    case invalidSize(width: Int, height: Int, scale: Double)
    /// libgd could not allocate the image or encode the PNG.
    case renderingFailed(String)
    /// Writing the PNG file failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .fontNotFound(file, searched):
            return "font \(file) not found; looked for: \(searched.joined(separator: ", "))"
        case let .lengthMismatch(chart, expected, actual, argument):
            return "\(chart): \(argument) has \(actual) values, expected \(expected)"
        case let .axisKindMismatch(chart, axis, existing, new):
            return "\(chart): the \(axis) axis already shows \(existing) values, cannot add \(new) values"
        case let .invalidValue(chart, argument, reason):
            return "\(chart): \(argument) \(reason)"
        case let .invalidSize(width, height, scale):
            return "figure size \(width)x\(height) at scale \(scale) is not a drawable image size"
        case let .renderingFailed(reason):
            return "rendering failed: \(reason)"
        case let .writeFailed(path, reason):
            return "could not write \(path): \(reason)"
        }
    }
}
