import Testing
@testable import Stats

/// Reference values: scikit-learn StandardScaler and RobustScaler (NaN ignored when fitting, kept
/// when transforming; constant column scaled by 1), from Fixtures/scaling.json. Tolerance 1e-12.
@Suite struct ScalingTests {
    struct File: Decodable {
        let data: [[Double]]
        let standardMean, standardScale, robustCenter, robustScale: [Double]
        let standardTransformed, robustTransformed: [[Double]]
    }

    @Test func standardScalerMatchesScikitLearn() throws {
        let f = try Fixture.load(File.self, from: "scaling.json")
        let scaler = try StandardScaler(fitting: Matrix(rows: f.data))
        #expect(allClose(scaler.means, f.standardMean, 1e-12))
        #expect(allClose(scaler.scales, f.standardScale, 1e-12))
        let transformed = try scaler.transform(Matrix(rows: f.data))
        #expect(allClose(transformed.values, f.standardTransformed.flatMap { $0 }, 1e-12))
        let back = try scaler.inverseTransform(transformed)
        #expect(allClose(back.values, f.data.flatMap { $0 }, 1e-12))
    }

    @Test func robustScalerMatchesScikitLearn() throws {
        let f = try Fixture.load(File.self, from: "scaling.json")
        let scaler = try RobustScaler(fitting: Matrix(rows: f.data))
        #expect(allClose(scaler.medians, f.robustCenter, 1e-12))
        #expect(allClose(scaler.scales, f.robustScale, 1e-12))
        let transformed = try scaler.transform(Matrix(rows: f.data))
        #expect(allClose(transformed.values, f.robustTransformed.flatMap { $0 }, 1e-12))
    }

    @Test func constantColumnIsCentredNotDivided() throws {
        let m = try Matrix(columns: [[3, 3, 3], [1, 2, 3]])
        let standard = try StandardScaler(fitting: m).transform(m)
        let robust = try RobustScaler(fitting: m).transform(m)
        #expect(standard.column(0) == [0, 0, 0])
        #expect(robust.column(0) == [0, 0, 0])
    }

    @Test func emptyAndMismatchedInputsThrow() throws {
        #expect(throws: StatsError.self) { try StandardScaler(fitting: Matrix(rows: 0, columns: 2)) }
        #expect(throws: StatsError.self) { try RobustScaler(fitting: Matrix(rows: 0, columns: 2)) }
        let scaler = try StandardScaler(fitting: Matrix(rows: [[1, 2], [3, 4]]))
        #expect(throws: StatsError.self) { try scaler.transform(Matrix(rows: [[1, 2, 3]])) }
    }

    @Test func allNaNColumnTransformsToNaN() throws {
        let m = try Matrix(columns: [[.nan, .nan], [1, 2]])
        let t = try StandardScaler(fitting: m).transform(m)
        #expect(t[0, 0].isNaN && t[1, 0].isNaN)
        #expect(t[0, 1] == -1 && t[1, 1] == 1)
    }
}
