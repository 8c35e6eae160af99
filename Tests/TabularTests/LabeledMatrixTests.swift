import Foundation
import Testing
import Tabular

struct LabeledMatrixTests {
    let frame: DataFrame = {
        // pandas: df.pivot_table(index="month", columns="region", values="revenue", aggfunc="sum", fill_value=0)
        //          region   East  West
        //   2024-01-01       5.0   0.0
        //   2024-02-01       1.0   7.0
        (try? DataFrame(columns: [
            Column("month", ["2024-02-01", "2024-01-01", "2024-02-01", "2024-02-01"]),
            Column("region", ["West", "East", "East", "West"]),
            Column("revenue", [3.0, 5.0, 1.0, 4.0]),
        ])) ?? DataFrame()
    }()

    @Test func pivotingFillsEmptyCellsWithZero() throws {
        let matrix = try LabeledMatrix(pivoting: frame, index: "month", columns: "region", values: "revenue")
        #expect(matrix.rows == ["2024-01-01", "2024-02-01"])
        #expect(matrix.columns == ["East", "West"])
        let expected: [[Double]] = [[5, 0], [1, 7]]
        #expect(matrix.values == expected)
        #expect(matrix.series("West") == [0, 7])
        #expect(matrix.series("North") == [0, 0])
        #expect(matrix.rowDates?.count == 2)
    }

    @Test func sharesOfRowsAndColumns() throws {
        let matrix = LabeledMatrix(rows: ["a", "b", "c"], columns: ["x", "y"], values: [[1, 3], [0, 0], [2, 2]])
        let rowShares: [[Double]] = [[0.25, 0.75], [0, 0], [0.5, 0.5]]
        let columnShares: [[Double]] = [[1.0 / 3, 0.6], [0, 0], [2.0 / 3, 0.4]]
        #expect(matrix.rowShares.values == rowShares)
        #expect(matrix.columnShares.values == columnShares)
        #expect(LabeledMatrix(rows: ["a"], columns: ["x"], values: [[5]]).rowDates == nil)
    }

    @Test func largestRowsByTotal() {
        let matrix = LabeledMatrix(rows: ["a", "b", "c", "d"], columns: ["x", "y"], values: [[1, 1], [5, 0], [0, 2], [3, 3]])
        let top = matrix.largestRows(2)
        #expect(top.rows == ["d", "b"])
        let expected: [[Double]] = [[3, 3], [5, 0]]
        #expect(top.values == expected)
        // Ties keep row order; asking for more rows than there are reorders all of them.
        #expect(matrix.largestRows(10).rows == ["d", "b", "a", "c"])
        #expect(matrix.largestRows(0).rows.isEmpty)
    }
}
