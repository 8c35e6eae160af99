import Testing
@testable import Stats

/// Reference values: scikit-learn PCA(svd_solver="full") on Fixtures/pca.json, including its
/// svd_flip sign convention. Tolerance 1e-9: sklearn takes the SVD of the centred data, we the
/// eigen-decomposition of its covariance; squaring the condition number costs a few digits.
@Suite struct PCATests {
    struct File: Decodable {
        let data, components, transformed, twoComponents, twoTransformed: [[Double]]
        let explainedVariance, explainedVarianceRatio, singularValues, mean, twoRatio: [Double]
    }

    @Test func fullDecompositionMatchesScikitLearn() throws {
        let f = try Fixture.load(File.self, from: "pca.json")
        let data = try Matrix(rows: f.data)
        let pca = try PCA(fitting: data)
        #expect(allClose(pca.mean, f.mean, 1e-12))
        #expect(allClose(pca.components.values, f.components.flatMap { $0 }, 1e-9))
        #expect(allClose(pca.explainedVariance, f.explainedVariance, 1e-10))
        #expect(allClose(pca.explainedVarianceRatio, f.explainedVarianceRatio, 1e-10))
        #expect(allClose(pca.singularValues, f.singularValues, 1e-10))
        #expect(allClose(try pca.transform(data).values, f.transformed.flatMap { $0 }, 1e-9))
        let back = try pca.inverseTransform(pca.transform(data))
        #expect(allClose(back.values, data.values, 1e-10))
    }

    @Test func truncatedDecompositionMatchesScikitLearn() throws {
        let f = try Fixture.load(File.self, from: "pca.json")
        let data = try Matrix(rows: f.data)
        let pca = try PCA(fitting: data, components: 2)
        #expect(allClose(pca.components.values, f.twoComponents.flatMap { $0 }, 1e-9))
        #expect(allClose(pca.explainedVarianceRatio, f.twoRatio, 1e-10))
        #expect(allClose(try pca.transform(data).values, f.twoTransformed.flatMap { $0 }, 1e-9))
    }

    @Test func degenerateInputs() throws {
        #expect(throws: StatsError.self) { try PCA(fitting: Matrix(rows: [[1, 2]])) }
        #expect(throws: StatsError.self) { try PCA(fitting: Matrix(rows: [[1, 2], [3, .nan]])) }
        #expect(throws: StatsError.self) { try PCA(fitting: Matrix(rows: [[1, 2], [3, 4]]), components: 3) }
        // A constant column has zero variance and no share of it.
        let pca = try PCA(fitting: Matrix(rows: [[1, 5], [2, 5], [4, 5]]))
        #expect(close(pca.explainedVarianceRatio[0], 1, 1e-15) && pca.explainedVarianceRatio[1] == 0)
        #expect(pca.components[0, 0] == 1)
    }
}
