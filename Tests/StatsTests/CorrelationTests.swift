import Testing
@testable import Stats

/// Reference values: pandas `Series.corr` (pairwise NaN removal) and scipy's pearsonr/spearmanr,
/// from Fixtures/descriptive.json. Tolerance 1e-12: the same sums, a different order.
@Suite struct CorrelationTests {
    struct File: Decodable {
        struct Data: Decodable {
            let x, y, tiesA, tiesB: [Double]
            let pearson, spearman, tiesPearson, tiesSpearman: Double
        }
        let correlation: Data
    }

    @Test func pearsonAndSpearmanDropNaNPairsLikePandas() throws {
        let c = try Fixture.load(File.self, from: "descriptive.json").correlation
        #expect(close(try Correlation.pearson(c.x, c.y), c.pearson, 1e-12))
        #expect(close(try Correlation.spearman(c.x, c.y), c.spearman, 1e-12))
    }

    @Test func spearmanAveragesTiedRanks() throws {
        let c = try Fixture.load(File.self, from: "descriptive.json").correlation
        #expect(close(try Correlation.pearson(c.tiesA, c.tiesB), c.tiesPearson, 1e-12))
        #expect(close(try Correlation.spearman(c.tiesA, c.tiesB), c.tiesSpearman, 1e-12))
    }

    @Test func degenerateInputs() throws {
        #expect(try Correlation.pearson([], []).isNaN)
        #expect(try Correlation.pearson([1], [2]).isNaN)
        #expect(try Correlation.pearson([1, 1, 1], [1, 2, 3]).isNaN)   // constant: undefined, as pandas
        #expect(try Correlation.spearman([1, 2, 3], [3, 2, 1]) == -1)
        #expect(throws: StatsError.self) { try Correlation.pearson([1, 2], [1]) }
    }

    @Test func matrixIsSymmetricWithUnitDiagonal() throws {
        let m = try Matrix(columns: [[1, 2, 3, 4.5], [2, 1, 4, 3], [9, 7, 5, 1]])
        let r = try Correlation.matrix(m, method: .spearman)
        for i in 0..<3 {
            #expect(close(r[i, i], 1, 1e-15))
            for j in 0..<3 { #expect(r[i, j] == r[j, i]) }
        }
        #expect(r[0, 2] == -1)
    }
}
