import Foundation

/// The stage scripts' messages to the user on standard error, apart from their results on
/// standard output: notes (`cleaning: outliers dropped 12 rows ...`) and warnings
/// (`warning: 3 rows dated far from the rest were dropped ...`).
public enum StageLog {
    /// A line on standard error.
    public static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// `warning: message` on standard error.
    public static func warning(_ message: String) {
        note("warning: " + message)
    }
}
