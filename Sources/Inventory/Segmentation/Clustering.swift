import Foundation
import Stats
import Tabular

/// Clusters the rows of a feature frame: numeric features transformed (log1p for skewed amounts),
/// standardised, k chosen by silhouette over a range (or fixed), k-means++ with several seeded
/// starts, named from their standardised centroids, and projected on two principal components for
/// a scatter plot.
///
/// ```swift
/// let features = try CustomerFeatures().compute(clean)
/// let result = try FeatureClustering(key: "customer", naming: .customers(featureNames: features.columnNames))
///     .fit(features)
/// ```
public struct FeatureClustering: Sendable {
    /// The identifier column, carried to the output.
    public var key: String
    /// Features to use; nil for every numeric column but the key.
    public var features: [String]?
    /// Features to transform with log(1 + x) first (heavy-tailed amounts such as revenue).
    public var logTransformed: Set<String>
    /// The cluster counts to compare by silhouette, or one fixed count.
    public var clusterRange: ClosedRange<Int>
    public var starts: Int
    public var seed: UInt64
    /// Score silhouettes on a seeded sample of this many rows when there are more (nil: all rows).
    public var silhouetteSampleSize: Int?
    public var naming: SegmentNaming

    public init(key: String, features: [String]? = nil,
                logTransformed: Set<String> = ["recency_days", "frequency", "monetary", "average_order_value", "units",
                                               "revenue", "orders", "customers", "revenue_per_day", "units_per_day"],
                clusterRange: ClosedRange<Int> = 2...8, starts: Int = 10, seed: UInt64 = 42,
                silhouetteSampleSize: Int? = 10_000, naming: SegmentNaming) {
        self.key = key
        self.features = features
        self.logTransformed = logTransformed
        self.clusterRange = clusterRange
        self.starts = starts
        self.seed = seed
        self.silhouetteSampleSize = silhouetteSampleSize
        self.naming = naming
    }

    /// Clusters `frame`'s rows.
    /// - Throws: ``PlanningError`` when there are fewer rows than clusters to try or no usable
    ///   feature; `TabularError` for a missing column; Stats' errors from k-means.
    public func fit(_ frame: DataFrame) throws -> ClusteringResult {
        let names = features ?? frame.columns.filter { $0.name != key && [.integer, .double].contains($0.type) }.map(\.name)
        // A feature constant over all rows separates nothing; it is left out.
        var usable: [String] = []
        var columns: [[Double]] = []
        for name in names {
            var values = try frame.doubles(name).map { $0.isNaN ? 0 : $0 }
            if logTransformed.contains(name) { values = values.map { Foundation.log1p(Swift.max(0, $0)) } }
            if let first = values.first, values.contains(where: { $0 != first }) {
                usable.append(name)
                columns.append(values)
            }
        }
        guard !usable.isEmpty else { throw PlanningError.invalid("no feature varies between the rows to cluster") }
        let upper = Swift.min(clusterRange.upperBound, frame.rowCount - 1)
        guard upper >= clusterRange.lowerBound, clusterRange.lowerBound >= 2 else {
            throw PlanningError.invalid("\(frame.rowCount) rows cannot be split into \(clusterRange.lowerBound) or more clusters")
        }
        let raw = try Matrix(columns: columns)
        let scaled = try StandardScaler(fitting: raw).transform(raw)
        let selection = try KMeans.selectClusterCount(scaled, range: clusterRange.lowerBound...upper, starts: starts,
                                                      seed: seed, silhouetteSampleSize: silhouetteSampleSize)
        guard let best = selection.best else { throw PlanningError.invalid("k-means gave no clustering") }
        let centroids = (0..<best.fit.centroids.rows).map { best.fit.centroids.row($0) }
        let clusterNames = naming.names(standardizedCentroids: centroids, featureNames: usable)
        let pca = try PCA(fitting: scaled, components: Swift.min(2, usable.count))
        let scores = try pca.transform(scaled)
        return ClusteringResult(
            keys: try frame.column(key), featureNames: usable, labels: best.fit.labels, names: clusterNames,
            standardizedCentroids: centroids, selection: selection,
            silhouettes: try Silhouette.samples(scaled, labels: best.fit.labels),
            projection: (0..<scores.rows).map { row in (0..<2).map { $0 < scores.columns ? scores.row(row)[$0] : 0 } },
            explainedVariance: pca.explainedVarianceRatio)
    }
}

/// What ``FeatureClustering`` found.
public struct ClusteringResult: Sendable {
    /// The identifier of each row.
    public let keys: Column
    public let featureNames: [String]
    /// The cluster of each row, 0..<k.
    public let labels: [Int]
    /// A descriptive name per cluster.
    public let names: [String]
    /// `[cluster][feature]`, in standard deviations.
    public let standardizedCentroids: [[Double]]
    /// Every k tried, with inertia and silhouette.
    public let selection: ClusterCountSelection
    /// The silhouette of each row.
    public let silhouettes: [Double]
    /// Each row's first two principal-component scores.
    public let projection: [[Double]]
    /// The share of variance of each principal component kept.
    public let explainedVariance: [Double]

    public var clusterCount: Int { names.count }

    /// The name of each row's cluster.
    public var rowNames: [String] { labels.map { names[$0] } }

    /// One row per input row: the key, `segment` (1-based number) and `segment_name`.
    public func assignments(segmentColumn: String = "segment") throws -> DataFrame {
        try DataFrame(columns: [keys, Column(segmentColumn, labels.map { $0 + 1 }),
                                Column("\(segmentColumn)_name", rowNames)])
    }

    /// The k-selection table: clusters, inertia, silhouette, and which was chosen.
    public func selectionTable() throws -> DataFrame {
        let candidates = selection.candidates
        return try DataFrame(columns: [
            Column("clusters", candidates.map(\.clusters)),
            Column("inertia", candidates.map(\.inertia)),
            Column("silhouette", candidates.map(\.silhouette)),
            Column("chosen", candidates.map { $0.clusters == selection.bestClusters ? "yes" : "" }),
        ])
    }

    /// The silhouettes grouped by cluster, in cluster order.
    public var silhouettesByCluster: [[Double]] {
        var groups = Array(repeating: [Double](), count: clusterCount)
        for (label, value) in zip(labels, silhouettes) { groups[label].append(value) }
        return groups
    }
}

extension ClusteringResult {
    /// Per cluster: its name, how many rows it holds and their share, and the mean of `columns` of
    /// `frame` (the frame that was clustered), largest cluster first.
    public func profile(of frame: DataFrame, columns: [String], segmentColumn: String = "segment") throws -> DataFrame {
        var labelled = try frame.selecting(columns)
        try labelled.append(Column("\(segmentColumn)_name", rowNames))
        let total = Double(max(1, labels.count))
        let summary = try labelled.grouped(by: "\(segmentColumn)_name")
            .aggregate([.count(as: "rows")] + columns.map { Aggregation.mean($0, as: $0) })
        return try summary
            .withColumn("share", summary["rows"] / total)
            .sorted(by: .descending("rows"))
    }
}
