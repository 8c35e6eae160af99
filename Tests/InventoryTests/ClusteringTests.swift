import Testing
import Tabular
@testable import Inventory

struct ClusteringTests {
    /// Twelve customers in two tight, far-apart groups on two features.
    let frame: DataFrame = {
        let ids = (0..<12).map { "C\($0)" }
        let spend: [Double] = [10, 11, 12, 10, 11, 12, 100, 101, 102, 100, 101, 102]
        let share: [Double] = [0.10, 0.11, 0.10, 0.11, 0.10, 0.11, 0.90, 0.89, 0.90, 0.89, 0.90, 0.89]
        return (try? DataFrame(columns: [Column("customer", ids), Column("spend", spend), Column("share", share)])) ?? DataFrame()
    }()

    func fit() throws -> ClusteringResult {
        try FeatureClustering(key: "customer", features: ["spend", "share"], logTransformed: [], clusterRange: 2...4, seed: 1,
                              silhouetteSampleSize: nil, naming: .customers(featureNames: ["spend", "share"])).fit(frame)
    }

    @Test func separatedGroupsAreFoundAndNamed() throws {
        let result = try fit()
        #expect(result.clusterCount == 2)
        #expect(Set(result.labels.prefix(6)).count == 1 && Set(result.labels.suffix(6)).count == 1)
        #expect(result.labels[0] != result.labels[11])
        let assignments = try result.assignments()
        #expect(assignments.columnNames == ["customer", "segment", "segment_name"])
        #expect(Set(try assignments["segment", Int.self].compactMap { $0 }) == [1, 2])
    }

    @Test func agreementWithKnownGroups() throws {
        let result = try fit()
        let known = try DataFrame(columns: [
            Column("customer", (0..<12).map { "C\($0)" } + ["elsewhere"]),
            Column("segment", (0..<13).map { $0 < 6 ? "small" : "large" }),
        ])
        let agreement = try result.agreement(with: known, group: "segment")
        #expect(agreement.adjustedRandIndex == 1)
        #expect(agreement.groupCount == 2)
        #expect(agreement.crosstab.rowCount == 2)
        let counts = try agreement.crosstab.doubles("small") + agreement.crosstab.doubles("large")
        #expect(counts.sorted() == [0, 0, 6, 6])
    }
}
