import Foundation
import Testing
import Tabular
@testable import Inventory

/// Identifiers survive a re-read: the files with key columns are read with those columns declared as
/// text, so a zero-padded SKU keeps its zeros and a code `NA` stays a code.
@Suite struct DatasetKeyColumnsTests {
    @Test func stockKeepsZeroPaddedAndNASpelledCodes() throws {
        let manifest = DatasetTests.retailManifest
            .replacingOccurrences(of: "capacity = 1200", with: "capacity = 1200\nstock = \"seattle.csv\"")
            + "\n[stock]\npath = \"stock.csv\"\nlocation = \"site\"\n"
        let dataset = try DatasetTests().load(manifest, files: [
            "stock.csv": "site,sku,on_hand\nReno FC,000001,40\nReno FC,NA,2\n0042,NULL,1\n",
            "seattle.csv": "sku,on_hand\n000001,3\nN/A,5\n",
        ])
        let stock = try #require(dataset.stock)
        #expect(try stock["sku", String.self] == ["000001", "NA", "NULL", "000001", "N/A"])
        #expect(try stock["location", String.self] == ["Reno FC", "Reno FC", "0042", "Seattle", "Seattle"])
        #expect(try stock.doubles("on_hand") == [40, 2, 1, 3, 5])
    }

    @Test func aStockFileWithoutItsKeyColumnNamesTheManifestKey() throws {
        let manifest = DatasetTests.retailManifest + "\n[stock]\npath = \"stock.csv\"\nlocation = \"site\"\n"
        #expect {
            try DatasetTests().load(manifest, files: ["stock.csv": "location,sku,on_hand\nReno FC,1,40\n"])
        } throws: { error in
            "\(error)".contains("stock.location") && "\(error)".contains("site")
        }
    }

    @Test func forecastsKeepZeroPaddedCodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forecasts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("forecasts.csv")
        try (ForecastTable.columns.joined(separator: ",") + "\n000001,NA,0042,NULL,2024-01-01,1,5,1,4,6,3,7,naive\n")
            .write(to: url, atomically: true, encoding: .utf8)
        let frame = try AllocationPlan.readForecasts(contentsOf: url)
        #expect(try frame[ForecastTable.segment, String.self] == ["NULL"])
        #expect(try frame[ForecastTable.sku, String.self] == ["000001"])
        #expect(try frame[ForecastTable.location, String.self] == ["NA"])
        #expect(try frame[ForecastTable.region, String.self] == ["0042"])
    }
}
