import Testing
@testable import Inventory

/// The report of the hand case of ValidationTests (baseline, recommended and transfers replayed).
func handReport(withTransfers: Bool = true) throws -> (StrategyReport, ValidationReplay, [ReplayTrace]) {
    let replay = try handReplay(withTransfers: withTransfers)
    let plans: [ValidationPlan] = withTransfers ? ValidationPlan.allCases : [.baseline, .recommended]
    let traces = try plans.map { try replay.run($0) }
    let differences = try replay.bootstrapDifferences(reference: traces[0], other: traces[1], resamples: 200, seed: 3)
    let placements = try ValidationInputs.placements(validationFixture("allocation"))
    let transfers = withTransfers ? try ValidationInputs.transfers(validationFixture("transfers")) : []
    let report = try StrategyReport(replay: replay, traces: traces, differences: differences, placements: placements,
                                    transfers: transfers, figures: [.init(file: "figures/05_validation_kpi_comparison.png", caption: "KPIs")],
                                    datasetName: "Hand case", resamples: 200)
    return (report, replay, traces)
}

@Test func reportHasEverySection() throws {
    let text = try handReport().0.markdown()
    for heading in ["# Regional Inventory Rebalancing Strategy", "## Executive summary", "## Figures", "## Store-specific recommendations",
                    "## Transfers", "## Monitoring metrics", "## How these numbers were made"] {
        #expect(text.contains(heading + "\n"), "missing \(heading)")
    }
    #expect(text.contains("![KPIs](figures/05_validation_kpi_comparison.png)"))
    #expect(text.contains("from 2024-11-04 to 2024-11-10"))
}

@Test func reportNumbersMatchTheKPIs() throws {
    let (report, replay, traces) = try handReport()
    let text = report.markdown()
    let all = Array(replay.sites.indices)
    let base = traces[0].kpis(of: all, in: replay), rec = traces[1].kpis(of: all, in: replay)
    // Hand case: total cost 9.2 → 6.3, fill 11/24 in both, 13 units lost in 5 events in both.
    #expect(StrategyReport.amount(base.totalCost) == "9" && StrategyReport.amount(rec.totalCost) == "6")
    #expect(text.contains("9 under the baseline, 6 under the recommended allocation: a saving of 3 (−31.5%)"))
    #expect(text.contains("**Fill rate**: 45.8% under the baseline, 45.8% recommended (+0.0 points"))
    #expect(text.contains("13 units lost in 5 SKU-location-days under the baseline, 13 units in 5 recommended"))
    // Chicago gains 4 units (6 → 10), Detroit gives 4 up (6 → 2); Chicago's fill 8/21 → 10/21.
    #expect(text.contains("| Chicago | North | 8 | 6 | 10 | +4 | 38.1% | 47.6% | 13 → 11 |"))
    #expect(text.contains("**Stores to stock up**: Chicago (+4 units"))
    #expect(text.contains("**Stores to draw down**: Detroit (−4 units"))
    // The transfer moved 3 units at 1 a unit.
    #expect(text.contains("| BRIE | Chicago | Detroit | 3 | 3.00 | 4.50 |"))
    #expect(text.contains("| network fill rate (week) | 45.8% | below 42.8% |"))
}

@Test func reportWithoutTransfersSaysSo() throws {
    let text = try handReport(withTransfers: false).0.markdown()
    #expect(text.contains("recommends no store-to-store transfers"))
    #expect(!text.contains("With the 0 recommended transfers"))
}

@Test func reportNeedsBothPlans() throws {
    let replay = try handReplay()
    let trace = try replay.run(.baseline)
    #expect(throws: ValidationInputError.self) {
        try StrategyReport(replay: replay, traces: [trace], differences: [], placements: [], transfers: [], figures: [],
                           datasetName: "x", resamples: 1)
    }
}

@Test func amountsAreGroupedAndSigned() {
    #expect(StrategyReport.amount(1_234_567.4) == "1,234,567")
    #expect(StrategyReport.amount(-1234) == "−1,234")
    #expect(StrategyReport.amount(.nan) == "n/a")
    #expect(StrategyReport.signedAmount(12) == "+12")
    #expect(StrategyReport.points(-0.0123) == "−1.2 points")
}
