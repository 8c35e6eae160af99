import Testing
@testable import Inventory

/// The report of the hand case of ValidationTests: the four plans replayed, both comparisons bootstrapped,
/// amounts in pounds.
func handReport(withTransfers: Bool = true) throws -> (StrategyReport, ValidationReplay, [ReplayTrace]) {
    let replay = try handReplay(withTransfers: withTransfers)
    let traces = try ValidationPlan.allCases.map { try replay.run($0) }
    let differences = try replay.bootstrapDifferences(PlanComparison.all, traces: traces, resamples: 200, seed: 3)
    let placements = try ValidationInputs.placements(validationFixture("allocation"))
    let transfers = withTransfers ? try ValidationInputs.transfers(validationFixture("transfers")) : []
    let report = try StrategyReport(replay: replay, traces: traces, differences: differences, placements: placements,
                                    transfers: transfers,
                                    figures: [.init(file: "figures/05_validation_kpi_comparison.png", caption: "KPIs"),
                                              .init(file: "figures/05_validation_fill_by_store.png", caption: "Stores", topic: .stores)],
                                    datasetName: "Hand case", currency: "£", resamples: 200)
    return (report, replay, traces)
}

@Test func reportHasEverySectionInTheDecisionsOrder() throws {
    let text = try handReport().0.markdown()
    let headings = ["# Regional Inventory Rebalancing Strategy", "## Executive summary",
                    "## 1. Allocation decision: recommended vs one-size-fits-all baseline",
                    "## 2. Rebalancing decision: transfers from today's stock vs doing nothing",
                    "## Store-specific recommendations", "## Monitoring metrics", "## How these numbers were made"]
    var previous = text.startIndex
    for heading in headings {
        let range = try #require(text.range(of: heading + "\n"), "missing \(heading)")
        #expect(range.lowerBound >= previous, "\(heading) out of order")
        previous = range.lowerBound
    }
    #expect(text.contains("![KPIs](figures/05_validation_kpi_comparison.png)"))
    // A store figure sits in the store section, after its heading.
    let stores = try #require(text.range(of: "## Store-specific recommendations"))
    let figure = try #require(text.range(of: "![Stores](figures/05_validation_fill_by_store.png)"))
    #expect(figure.lowerBound > stores.lowerBound)
    #expect(text.contains("from 2024-11-04 to 2024-11-10"))
    #expect(!text.contains("recommended+transfers"))
}

@Test func allocationDecisionComparesRecommendedWithBaseline() throws {
    let (report, replay, traces) = try handReport()
    let text = report.markdown()
    let all = Array(replay.sites.indices)
    let base = traces[0].kpis(of: all, in: replay), rec = traces[1].kpis(of: all, in: replay)
    // Hand case: total cost 9.2 → 6.3, fill 11/24 in both, 13 units lost in 5 events in both.
    #expect(abs(base.totalCost - 9.2) < 1e-9 && abs(rec.totalCost - 6.3) < 1e-9)
    #expect(text.contains("costs £6 against £9 (−£3, 95% CI −£3 to −£3)"))
    #expect(text.contains("| total cost | £9 | £6 | −£3 | −£3 to −£3 |"))
    #expect(text.contains("| fill rate | 45.8% | 45.8% | +0.0 points | +0.0 points to +0.0 points (includes 0) |"))
    #expect(text.contains("| units lost to stockouts | 13 | 13 | 0 |"))
    #expect(text.contains("**Allocation: adopt the recommended allocation.** It fills as much demand and costs less"))
    // Baseline and recommended place 16 units, today's stock is 19: said, not hidden.
    #expect(text.contains("16 units, 3 fewer than today's 19"))
}

@Test func rebalancingDecisionComparesTransfersWithDoingNothing() throws {
    let text = try handReport().0.markdown()
    // Today's stock: 10.5 of cost, 13 lost; with the transfer 12.2 (3 of it transfers), 10 lost.
    #expect(text.contains("| transfer cost | £0 | £3 | +£3 | — |"))
    #expect(text.contains("| total cost | £11 | £12 | +£2 | +£2 to +£2 |"))
    #expect(text.contains("| units lost to stockouts | 13 | 10 | −3 | −3 to −3 |"))
    #expect(text.contains("| fill rate | 45.8% | 58.3% | +12.5 points | +12.5 points to +12.5 points |"))
    // It fills more and costs more: the verdict prices a lost sale, 1.7 / 3 units.
    #expect(text.contains("**Rebalancing: make the transfers if a lost sale is worth more than £0.57.**"))
    #expect(text.contains("The receiving stores lose 3 fewer units and the sending stores 0 more"))
    #expect(text.contains("| BRIE | Detroit | Chicago | 3 | £3 | £5 |"))
}

@Test func storeTableShowsBothDecisions() throws {
    let text = try handReport().0.markdown()
    // Chicago: today 8, baseline 6, recommended 10; +3 by transfer; fill 8/21 → 10/21 and 8/21 → 11/21.
    #expect(text.contains("| Chicago, North | 8 | 6 | 10 | +4 | 38.1% → 47.6% | +3 | 38.1% → 52.4% |"))
    #expect(text.contains("| Columbus FC, North |"))
    #expect(text.contains("**Stores to stock up**: Chicago (+4 units"))
    #expect(text.contains("**Stores to draw down**: Detroit (−4 units"))
    #expect(text.contains("**Receiving the most transfers**: Chicago (+3 units, fill today 38.1% → 52.4%)"))
    #expect(text.contains("| network fill rate (week) | 45.8% | below 42.8% |"))
    #expect(text.contains("| transfer cost per lost unit avoided | £1.00 |"))
}

@Test func reportWithoutTransfersSaysSo() throws {
    let text = try handReport(withTransfers: false).0.markdown()
    #expect(text.contains("proposes no store-to-store transfers"))
    #expect(text.contains("**Rebalancing: no transfers proposed.**"))
    #expect(!text.contains("transfer cost per lost unit avoided"))
}

@Test func aPlanThatDoesNotBeatItsComparisonIsSaidPlainly() throws {
    // Swap the allocation's plans: the baseline becomes the proposal and costs 2.9 more for the same fill.
    let replay = try handReplay()
    var swapped = replay
    swapped.recommended = replay.baseline
    swapped.baseline = replay.recommended
    let traces = try ValidationPlan.allCases.map { try swapped.run($0) }
    let differences = try swapped.bootstrapDifferences(PlanComparison.all, traces: traces, resamples: 50, seed: 1)
    let report = try StrategyReport(replay: swapped, traces: traces, differences: differences, placements: [], transfers: [],
                                    figures: [], datasetName: "x", currency: "£", resamples: 50)
    #expect(report.markdown().contains("**Allocation: keep the baseline.** The recommended allocation costs £3 more without filling more demand."))
}

@Test func reportNeedsAllFourPlans() throws {
    let replay = try handReplay()
    let traces = try [ValidationPlan.baseline, .recommended].map { try replay.run($0) }
    #expect {
        try StrategyReport(replay: replay, traces: traces, differences: [], placements: [], transfers: [], figures: [],
                           datasetName: "x", resamples: 1)
    } throws: { error in
        "\(error)".contains("current, rebalanced")
    }
}

@Test func amountsAreGroupedAndSigned() {
    #expect(StrategyReport.amount(1_234_567.4) == "1,234,567")
    #expect(StrategyReport.amount(-1234) == "−1,234")
    #expect(StrategyReport.amount(.nan) == "n/a")
    #expect(StrategyReport.signedAmount(12) == "+12")
    #expect(StrategyReport.points(-0.0123) == "−1.2 points")
    #expect(StrategyReport.money(1493.2, symbol: "£") == "£1,493")
    #expect(StrategyReport.money(-20, symbol: "£") == "−£20")
    #expect(StrategyReport.money(-0.2, symbol: "£") == "£0")
}
