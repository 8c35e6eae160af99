import Testing
@testable import Stats

@Suite struct MatrixTests {
    @Test func layoutAndAccessors() throws {
        let m = try Matrix(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m.values == [1, 2, 3, 4, 5, 6])
        #expect(m[1, 0] == 4 && m.row(1) == [4, 5, 6] && m.column(2) == [3, 6])
        #expect(try Matrix(columns: [[1, 4], [2, 5], [3, 6]]) == m)
        #expect(m.transposed().values == [1, 4, 2, 5, 3, 6])
    }

    @Test func product() throws {
        let a = try Matrix(rows: [[1, 2], [3, 4]])
        let b = try Matrix(rows: [[5], [6]])
        #expect(try a.multiplied(by: b).values == [17, 39])
        #expect(throws: StatsError.self) { try b.multiplied(by: b) }
    }

    @Test func shapeErrors() {
        #expect(throws: StatsError.self) { try Matrix(rows: 2, columns: 2, values: [1, 2, 3]) }
        #expect(throws: StatsError.self) { try Matrix(rows: [[1, 2], [3]]) }
        #expect(throws: StatsError.self) { try Matrix(columns: [[1, 2], [3]]) }
        #expect(throws: StatsError.self) { try Matrix(rows: -1, columns: 2, values: []) }
    }

    @Test func emptyMatrix() throws {
        let m = try Matrix(rows: [])
        #expect(m.rows == 0 && m.columns == 0 && m.values.isEmpty)
    }
}
