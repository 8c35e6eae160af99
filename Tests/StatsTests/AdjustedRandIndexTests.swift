import Testing
import Stats

struct AdjustedRandIndexTests {
    /// Reference values from scikit-learn 1.x `adjusted_rand_score`.
    @Test func matchesScikitLearn() throws {
        #expect(abs(try AdjustedRandIndex.score([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 2]) - 0.4444444444444444) < 1e-12)
        #expect(abs(try AdjustedRandIndex.score([0, 0, 0, 1, 1, 1, 2, 2, 2, 2], [1, 1, 0, 0, 0, 2, 2, 2, 1, 1]) - 0.09090909090909091) < 1e-12)
        #expect(try AdjustedRandIndex.score([0, 1, 2, 3], [0, 0, 0, 0]) == 0)
    }

    @Test func labelNamesDoNotMatter() throws {
        #expect(try AdjustedRandIndex.score([0, 0, 1, 1], ["b", "b", "a", "a"]) == 1)
        #expect(try AdjustedRandIndex.score([7], ["x"]) == 1)
    }

    @Test func badInput() {
        #expect(throws: StatsError.self) { try AdjustedRandIndex.score([1, 2], [1]) }
        #expect(throws: StatsError.self) { try AdjustedRandIndex.score([Int](), [Int]()) }
    }
}
