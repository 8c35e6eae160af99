import Testing
@testable import Stats

/// Reference values: scikit-learn silhouette_samples and silhouette_score for scikit-learn's own
/// k-means labels (Fixtures/kmeans.json), to 1e-9 as the issue asks. We take exact coordinate
/// differences where scikit-learn expands ‖x‖² + ‖y‖² - 2x·y, so the gap is its rounding (~1e-13).
@Suite struct SilhouetteTests {
    struct Odd: Decodable {
        let labels: [Int]
        let silhouetteSamples: [Double]
        let silhouetteScore: Double
    }
    struct File: Decodable {
        let cases: [KMeansTests.Case]
        let oddLabels: Odd
    }

    @Test(arguments: KMeansTests.cases)
    func scoreMatchesScikitLearn(c: KMeansTests.Case) throws {
        let data = try Fixture.csv("\(c.dataset).csv")
        #expect(abs(try Silhouette.score(data, labels: c.labels) - c.silhouetteScore) <= 1e-9)
        if let expected = c.silhouetteSamples {
            let samples = try Silhouette.samples(data, labels: c.labels)
            #expect(zip(samples, expected).allSatisfy { abs($0 - $1) <= 1e-9 })
        }
    }

    @Test func arbitraryLabelsAndSingletonClusters() throws {
        let f = try Fixture.load(File.self, from: "kmeans.json")
        let data = try Fixture.csv("blobs.csv")
        let samples = try Silhouette.samples(data, labels: f.oddLabels.labels)
        #expect(zip(samples, f.oddLabels.silhouetteSamples).allSatisfy { abs($0 - $1) <= 1e-9 })
        #expect(samples[10] == 0)    // alone in its cluster
        #expect(abs(try Silhouette.score(data, labels: f.oddLabels.labels) - f.oddLabels.silhouetteScore) <= 1e-9)
    }

    @Test func blockingDoesNotChangeTheResult() throws {
        // 1,000 rows span many row blocks and tiles; compare with a direct O(n²) evaluation.
        let data = try Fixture.csv("rfm.csv")
        let labels = (0..<data.rows).map { ($0 * 7 + $0 / 3) % 4 }
        let samples = try Silhouette.samples(data, labels: labels)
        for i in stride(from: 0, to: data.rows, by: 97) {
            var sums = [Double](repeating: 0, count: 4), counts = [Double](repeating: 0, count: 4)
            for j in 0..<data.rows {
                var d2 = 0.0
                for t in 0..<3 { d2 += (data[i, t] - data[j, t]) * (data[i, t] - data[j, t]) }
                sums[labels[j]] += d2.squareRoot()
                counts[labels[j]] += 1
            }
            let own = labels[i]
            let a = sums[own] / (counts[own] - 1)
            let b = (0..<4).filter { $0 != own }.map { sums[$0] / counts[$0] }.min() ?? 0
            #expect(abs(samples[i] - (b - a) / max(a, b)) < 1e-12)
        }
    }

    @Test func sampledScoreIsSeededAndClose() throws {
        let data = try Fixture.csv("blobs.csv")
        let labels = try #require(KMeansTests.cases.first { $0.dataset == "blobs" && $0.k == 4 }).labels
        let a = try Silhouette.score(data, labels: labels, sampleSize: 300, seed: 1)
        let b = try Silhouette.score(data, labels: labels, sampleSize: 300, seed: 1)
        let full = try Silhouette.score(data, labels: labels)
        #expect(a == b)
        #expect(abs(a - full) < 0.05)   // half the rows: sampling error a few hundredths at most
        #expect(try Silhouette.score(data, labels: labels, sampleSize: 10_000) == full)
    }

    @Test func invalidLabelings() throws {
        let data = try Matrix(rows: [[0.0], [1], [2]])
        #expect(throws: StatsError.invalidLabelCount(labels: 1, samples: 3)) { try Silhouette.samples(data, labels: [0, 0, 0]) }
        #expect(throws: StatsError.invalidLabelCount(labels: 3, samples: 3)) { try Silhouette.samples(data, labels: [0, 1, 2]) }
        #expect(throws: StatsError.self) { try Silhouette.samples(data, labels: [0, 1]) }
        #expect(throws: StatsError.self) { try Silhouette.score(data, labels: [0, 1, 1], sampleSize: 1) }
        #expect(throws: StatsError.self) { try Silhouette.samples(Matrix(rows: [[0.0], [.nan], [1]]), labels: [0, 1, 1]) }
    }

    @Test func duplicatePointsGiveZeroNotNaN() throws {
        let data = try Matrix(rows: [[1.0], [1], [1], [1]])
        let samples = try Silhouette.samples(data, labels: [0, 0, 1, 1])
        #expect(samples == [0, 0, 0, 0])
    }
}
