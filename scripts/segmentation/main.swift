// Segmentation: customers grouped by how they buy, and stores by how they sell.
import Foundation
import Restock

struct Segmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Segments customers by behaviour (k chosen by silhouette) and clusters stores by sales pattern.")

    @OptionGroup var options: StageOptions

    @Option(help: "A fixed number of customer segments (default: chosen by silhouette over 3...8).")
    var clusters: Int?

    func validate() throws {
        if let clusters, clusters < 2 { throw ValidationError("--clusters must be at least 2, got \(clusters)") }
    }

    func run() throws {
        let output = try options.openOutput()
        var notebook = Notebook(number: 2, name: "segmentation", title: "Customer and store segmentation", seed: options.seed)
        let dataset = try Dataset(contentsOf: options.manifestURL, transactionsPath: options.transactions)
        try notebook.recordInput(dataset.manifest.transactions.file)
        notebook.recordParameter("clusters", clusters.map(String.init) ?? "chosen by silhouette over 3...8")
        let sales = try notebook.cleanTransactions(of: dataset, options: options).frame

        // MARK: - Customer features
        notebook.section("Customer behaviour")
        let features = try CustomerFeatures().compute(sales)
        notebook.text("""
            One row per customer: recency, frequency and monetary value, average order value, category mix, \
            holiday-season share, online share. Amounts are log-transformed and every feature is standardised \
            before clustering, so that no single scale dominates the distances.
            """)
        notebook.table(try features.describe(), caption: "describe() of the customer features")

        // MARK: - Choosing k
        notebook.section("How many segments")
        let customerFeatures = features.columnNames.filter { name in
            !["customer", "home_region", "home_location", "tenure_days", "units"].contains(name)
        }
        let segmentation = FeatureClustering(
            key: "customer", features: customerFeatures,
            clusterRange: clusters.map { $0...$0 } ?? 3...8, seed: options.seed,
            naming: .customers(featureNames: customerFeatures))
        let fewest = (clusters ?? 3) + 1
        try StageError.require(features.rowCount, atLeast: fewest, "customers", stage: "segmentation", for: "k-means over \(fewest - 1) or more segments")
        let customers = try segmentation.fit(features)
        notebook.text("""
            k-means++ with 10 seeded starts for each k from 3 to 8; the k with the highest mean silhouette is kept \
            (`--clusters` fixes it). Two segments are not tried: they only split frequent from occasional buyers, which \
            the RFM columns already show, and silhouettes favour them in many dimensions. The inertia (elbow) curve is \
            shown beside it.
            """)
        notebook.table(try customers.selectionTable(), caption: "Silhouette and inertia by number of segments")
        var choice = Figure(width: 1200, height: 500, title: "Choosing the number of segments", columns: 2)
        let ks = customers.selection.candidates.map { Double($0.clusters) }
        choice[0, 0].title = "Mean silhouette (higher is better)"
        choice[0, 0].xAxis = Axis(label: "Segments")
        try choice[0, 0].lineChart(x: ks, series: [Series("silhouette", customers.selection.candidates.map(\.silhouette))], markers: true)
        choice[0, 1].title = "Inertia (elbow)"
        choice[0, 1].xAxis = Axis(label: "Segments")
        try choice[0, 1].lineChart(x: ks, series: [Series("inertia", customers.selection.candidates.map(\.inertia))], markers: true)
        notebook.figure(try choice.png(), name: "k_selection", caption: "Silhouette and inertia against the number of segments")

        // MARK: - Segment profiles
        notebook.section("Segment profiles")
        let profileColumns = ["recency_days", "frequency", "monetary", "average_order_value", "online_share", "q4_share"]
            .filter(features.contains(column:))
        notebook.text("\(customers.clusterCount) segments, each named after the feature on which it stands out most from the average customer.")
        notebook.table(try customers.profile(of: features, columns: profileColumns), caption: "Segment profiles (means)")
        var heatmap = Figure(width: 1300, height: max(480, 160 + 70 * customers.clusterCount), title: "How each segment differs from the average customer (standard deviations)")
        try heatmap.panel.heatmap(values: customers.standardizedCentroids, rows: customers.names,
                                  columns: customers.featureNames.map(Self.label), annotation: .plain(decimals: 1), center: 0)
        notebook.figure(try heatmap.png(), name: "segment_profiles", caption: "Standardised segment centroids")

        // MARK: - Projection and silhouettes
        notebook.section("Segments in two dimensions")
        var scatter = Figure(width: 1100, height: 750, title: "Customers on the first two principal components")
        let explained = customers.explainedVariance.map { String(format: "%.0f%%", $0 * 100) }
        scatter.panel.xAxis = Axis(label: "PC1 (\(explained.first ?? "") of variance)")
        scatter.panel.yAxis = Axis(label: "PC2 (\(explained.dropFirst().first ?? "") of variance)")
        try scatter.panel.scatterChart(x: customers.projection.map { $0[0] }, y: customers.projection.map { $0[1] },
                                       groups: customers.rowNames)
        notebook.figure(try scatter.png(), name: "pca_scatter", caption: "PCA projection coloured by segment")
        var silhouettes = Figure(width: 1100, height: 600, title: "Silhouette of each customer by segment")
        silhouettes.panel.yAxis = Axis(label: "Silhouette")
        try silhouettes.panel.boxPlot(groups: customers.names, values: customers.silhouettesByCluster)
        notebook.figure(try silhouettes.png(), name: "silhouettes", caption: "Per-customer silhouettes: most customers sit well inside their segment when the boxes are above zero")
        notebook.attach(try customers.assignments().csvBytes(), as: "segments.csv")

        // MARK: - Known segments (synthetic data)
        let truthURL = dataset.manifest.directory.appendingPathComponent("customers_truth.csv")
        if FileManager.default.fileExists(atPath: truthURL.path) {
            notebook.section("Agreement with the generating segments")
            try notebook.recordInput(truthURL)
            var text = CSVReadingOptions()
            text.types["customer"] = .string
            let truth = try DataFrame(contentsOfCSVFile: truthURL.path, options: text)
            let agreement = try customers.agreement(with: truth, group: "segment")
            notebook.text("""
                The sample was generated from \(agreement.groupCount) customer types (`customers_truth.csv`). The adjusted Rand \
                index of the segments against them is **\(String(format: "%.2f", agreement.adjustedRandIndex))** (1: the same partition, 0: no better \
                than chance). Behavioural segments found from transactions alone recover the generating types only in part: \
                types that buy alike (similar baskets, frequency and season) fall together.
                """)
            notebook.table(agreement.crosstab, caption: "Customers by segment found (rows) and type generated (columns)")
        }

        // MARK: - Store clusters
        notebook.section("Store clusters by sales pattern")
        let stores = try LocationFeatures().compute(sales)
        let storeFeatures = stores.columnNames.filter { $0.hasPrefix("share_") || ["revenue_per_day", "weekly_amplitude", "yearly_amplitude", "weekend_share"].contains($0) }
        let storeClustering = FeatureClustering(
            key: "location", features: storeFeatures, clusterRange: 2...min(5, max(2, stores.rowCount - 1)), seed: options.seed,
            silhouetteSampleSize: nil, naming: .locations(featureNames: storeFeatures))
        try StageError.require(stores.rowCount, atLeast: 3, "locations with sales", stage: "segmentation", for: "store clustering")
        let storeClusters = try storeClustering.fit(stores)
        notebook.text("Locations are clustered on what and when they sell — category mix, velocity, weekly and yearly rhythm — not on where they are, so that stores that behave alike can share a stocking policy.")
        let storeTable = try storeClusters.assignments(segmentColumn: "cluster")
            .joined(try stores.selecting(["location", "region", "revenue_per_day"]), on: ["location"], validate: .oneToOne)
            .sorted(by: .ascending("cluster"), .descending("revenue_per_day"))
        notebook.table(storeTable, caption: "Store clusters", maxRows: 40)
        var storeHeatmap = Figure(width: 1300, height: max(480, 160 + 60 * storeClusters.clusterCount), title: "How each store cluster differs from the average location")
        try storeHeatmap.panel.heatmap(values: storeClusters.standardizedCentroids, rows: storeClusters.names,
                                       columns: storeClusters.featureNames.map(Self.label), annotation: .plain(decimals: 1), center: 0)
        notebook.figure(try storeHeatmap.png(), name: "store_clusters", caption: "Standardised store-cluster centroids")
        notebook.attach(try storeClusters.assignments(segmentColumn: "cluster").csvBytes(), as: "store_clusters.csv")

        try notebook.write(to: output)
        print("segmentation: \(customers.clusterCount) customer segments, \(storeClusters.clusterCount) store clusters -> \(options.outputDirectory.path)")
    }

    /// Short column labels for the heatmaps: `average_order_value` → `order value`,
    /// `share_wine_spirits` → `% wine spirits`.
    static func label(_ feature: String) -> String {
        let short = ["recency_days": "recency", "average_order_value": "order value", "q4_share": "% in Q4",
                     "peak_month_share": "% in peak month", "online_share": "% online", "revenue_per_day": "revenue/day",
                     "weekly_amplitude": "weekly swing", "yearly_amplitude": "yearly swing", "weekend_share": "% weekend",
                     "share_cheese_charcuterie": "% cheese", "share_fresh_produce": "% produce", "share_specialty_foods": "% specialty"]
        if let label = short[feature] { return label }
        return feature.hasPrefix("share_")
            ? "% " + feature.dropFirst(6).replacingOccurrences(of: "_", with: " ")
            : feature.replacingOccurrences(of: "_", with: " ")
    }
}

Segmentation.main()
