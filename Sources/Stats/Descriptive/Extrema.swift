extension Collection where Element == Double {
    /// The smallest value; NaN for an empty input (after skipping NaN) or under `.propagate` with a NaN.
    public func minimum(nan policy: NaNPolicy = .skip) -> Double {
        guard let values = kept(under: policy), let first = values.first else { return .nan }
        return values.reduce(first) { Swift.min($0, $1) }
    }

    /// The largest value; NaN for an empty input (after skipping NaN) or under `.propagate` with a NaN.
    public func maximum(nan policy: NaNPolicy = .skip) -> Double {
        guard let values = kept(under: policy), let first = values.first else { return .nan }
        return values.reduce(first) { Swift.max($0, $1) }
    }
}
