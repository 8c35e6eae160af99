/// What a descriptive statistic does with NaN values.
///
/// The default everywhere is `.skip`, as in pandas (`skipna=True`); `.propagate` is numpy's
/// behaviour (any NaN makes the result NaN). After skipping, too few values give NaN, never a trap.
public enum NaNPolicy: Sendable, Hashable {
    /// Ignore NaN values (pandas' default).
    case skip
    /// Return NaN if any value is NaN (numpy's default).
    case propagate
}

extension Collection where Element == Double {
    /// The values kept under `policy`, or nil when `policy` is `.propagate` and a NaN is present.
    @usableFromInline
    func kept(under policy: NaNPolicy) -> [Double]? {
        var hasNaN = false
        for value in self where value.isNaN { hasNaN = true; break }
        if !hasNaN { return Array(self) }
        switch policy {
        case .propagate: return nil
        case .skip: return filter { !$0.isNaN }
        }
    }
}
