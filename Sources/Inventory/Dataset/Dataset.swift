import Foundation
import Tabular

/// A dataset loaded from its manifest: the transactions with canonical column names, and the SKU
/// attributes and current stock when the manifest names them.
///
/// ```swift
/// let dataset = try Dataset(contentsOf: URL(fileURLWithPath: "data/sample/dataset.toml"))
/// let revenue = try dataset.transactions.doubles("revenue")
/// ```
///
/// The transactions frame has the canonical names of ``TransactionColumns/Canonical`` for every
/// mapped field, identifiers (`sku`, `customer`, `invoice`, `location`, `region`, `channel`,
/// `category`) as text (a customer id written as `17850.0` becomes `17850`), and a `revenue`
/// column (quantity × unit price; without a `unit_price` column every unit counts at 1, so revenue
/// is the quantity). Fields the file lacks are derived when the manifest allows:
/// `category` from the SKU attributes (else the kind of product its description ends with),
/// `location` from the region through the fulfillment centers'
/// `serves` lists, `channel` from the location's kind (`store` or `online`).
public struct Dataset: Sendable {
    public var manifest: DatasetManifest
    public var transactions: DataFrame
    /// Columns `sku` and, as mapped, `description`, `category`, `price`, `unit_cost`, `volume_l`, `shelf_life_days`.
    public var skus: DataFrame?
    /// Columns `location`, `sku`, `on_hand`.
    public var stock: DataFrame?

    /// Whether the transactions carry their own prices (the manifest maps `unit_price`); without
    /// them `unit_price` is 1 and `revenue` equals `quantity`.
    public var hasPrices: Bool { manifest.transactions.columns.unitPrice != nil }

    /// The canonical names of the SKU attribute columns.
    public enum SKUColumn {
        public static let sku = "sku"
        public static let description = "description"
        public static let category = "category"
        public static let price = "price"
        public static let unitCost = "unit_cost"
        public static let volume = "volume_l"
        public static let shelfLife = "shelf_life_days"
    }

    /// Reads the manifest and the files it names.
    /// - Parameter transactionsPath: a transactions file to read instead of the manifest's (relative
    ///   to the current directory).
    /// - Throws: ``ManifestError``, ``DatasetError`` or the CSV reader's `CSVError`.
    public init(contentsOf manifestURL: URL, transactionsPath: String? = nil) throws {
        try self.init(manifest: DatasetManifest(contentsOf: manifestURL, transactionsPath: transactionsPath))
    }

    /// Reads the files a manifest names.
    public init(manifest: DatasetManifest) throws {
        self.manifest = manifest
        skus = try manifest.skus.map(Self.loadSKUs)
        stock = try Self.loadStock(manifest)
        transactions = try Self.loadTransactions(manifest, skus: skus)
    }

    // MARK: - Transactions

    private static let textFields: Set<String> = [
        TransactionColumns.Canonical.sku, TransactionColumns.Canonical.customer, TransactionColumns.Canonical.invoice,
        TransactionColumns.Canonical.location, TransactionColumns.Canonical.channel, TransactionColumns.Canonical.category,
        TransactionColumns.Canonical.region, TransactionColumns.Canonical.description,
    ]

    private static let numberFields: Set<String> = [TransactionColumns.Canonical.quantity, TransactionColumns.Canonical.unitPrice]

    private static func loadTransactions(_ manifest: DatasetManifest, skus: DataFrame?) throws -> DataFrame {
        let source = manifest.transactions
        let mapping = source.columns.mapping
        let file = source.file.relativePath
        var options = CSVReadingOptions()
        for (canonical, column) in mapping where textFields.contains(canonical) { options.types[column] = .string }
        // Numbers are declared, so that a stray word is reported at its line rather than turning the
        // whole column into text.
        for (canonical, column) in mapping where numberFields.contains(canonical) { options.types[column] = .double }
        let raw = try read(source.file, options: options, keyOf: { column in
            mapping.first { $0.source == column }.map { "transactions.\(manifestKey($0.canonical))" } ?? "transactions"
        })

        var frame = DataFrame()
        for (canonical, column) in mapping {
            guard raw.contains(column: column) else {
                throw DatasetError.missingColumn(file: file, key: "transactions.\(manifestKey(canonical))", column: column, available: raw.columnNames)
            }
            var values = try raw.column(column)
            values.name = canonical
            if textFields.contains(canonical) { values = Self.identifiers(values) }
            try frame.append(values)
        }
        let dateColumn = try frame.column(TransactionColumns.Canonical.date)
        guard dateColumn.type == .date || dateColumn.type == .dateTime else {
            throw DatasetError.wrongColumnType(file: file, key: "transactions.date", column: source.columns.date,
                                               expected: "dates (yyyy-MM-dd) or date-times", found: dateColumn.type.description)
        }
        if source.columns.unitPrice == nil {
            // No prices: every unit counts at 1, so revenue is the quantity and rankings by revenue
            // are rankings by the measure (``hasPrices`` says so).
            try frame.append(Column(TransactionColumns.Canonical.unitPrice, [Double](repeating: 1, count: frame.rowCount)))
        }
        var revenue = try frame.column(TransactionColumns.Canonical.quantity) * frame.column(TransactionColumns.Canonical.unitPrice)
        revenue.name = TransactionColumns.Canonical.revenue
        try frame.append(revenue)
        try deriveMissingFields(&frame, manifest: manifest, skus: skus)
        return frame
    }

    /// Adds `category`, `location` and `channel` when the file lacks them and the manifest can tell.
    private static func deriveMissingFields(_ frame: inout DataFrame, manifest: DatasetManifest, skus: DataFrame?) throws {
        typealias Canonical = TransactionColumns.Canonical
        if !frame.contains(column: Canonical.category), let skus, skus.contains(column: SKUColumn.category) {
            let lookup = Dictionary(zip(try skus[SKUColumn.sku, String.self], try skus[SKUColumn.category, String.self])
                .compactMap { key, value in key.map { ($0, value) } }, uniquingKeysWith: { first, _ in first })
            try frame.append(mapText(try frame.column(Canonical.sku), name: Canonical.category) { lookup[$0] ?? nil })
        }
        if !frame.contains(column: Canonical.category), frame.contains(column: Canonical.description) {
            try frame.append(productKinds(try frame.column(Canonical.description)))
        }
        if !frame.contains(column: Canonical.location), frame.contains(column: Canonical.region) {
            var servedBy: [String: String] = [:]
            for location in manifest.locations {
                for region in location.servedRegions where servedBy[region] == nil { servedBy[region] = location.name }
            }
            try frame.append(mapText(try frame.column(Canonical.region), name: Canonical.location) { servedBy[$0] })
        }
        if !frame.contains(column: Canonical.channel), frame.contains(column: Canonical.location) {
            let kinds = Dictionary(manifest.locations.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            try frame.append(mapText(try frame.column(Canonical.location), name: Canonical.channel) { location in
                kinds[location].map { $0 == .store ? "store" : "online" }
            })
        }
    }

    /// A `category` from product descriptions when the data has none: the last word of the
    /// description names the kind of product (`WHITE HANGING HEART T-LIGHT HOLDER` → `Holder`),
    /// trailing size, colour and pattern words skipped (`HOLDER, LARGE` → `Holder`); the
    /// `productKindCount` most frequent kinds by rows are kept and the rest become `Other`.
    static func productKinds(_ descriptions: Column, productKindCount: Int = 11) -> Column {
        func kind(_ text: String) -> String? {
            let words = text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
            guard let word = words.last(where: { $0.count > 2 && !descriptiveWords.contains($0) }) else { return nil }
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        let kinds = mapText(descriptions, name: TransactionColumns.Canonical.category, kind)
        // `mapText` dictionary-encodes: count rows per code (missing is −1), then name the codes.
        guard case let .string(codes, categories) = kinds.data else { return kinds }
        var counts = [Int](repeating: 0, count: categories.count)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        var rows: [String: Int] = [:]
        for (code, count) in counts.enumerated() where count > 0 { rows[categories[code]] = count }
        let kept = Set(rows.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(productKindCount).map(\.key))
        return mapText(kinds, name: TransactionColumns.Canonical.category) { kept.contains($0) ? $0 : "Other" }
    }

    /// Words that describe a product rather than name its kind.
    static let descriptiveWords: Set<String> = [
        "large", "small", "mini", "medium", "jumbo", "big", "tall", "long", "red", "pink", "blue", "white", "green",
        "black", "ivory", "silver", "gold", "cream", "purple", "assorted", "colour", "colours", "design", "designs",
        "retrospot", "vintage", "polkadot", "spotty", "paisley", "christmas", "set", "pack", "and", "the", "with",
    ]

    /// The manifest key of a canonical field (`unit_price` is spelled the same in both).
    static func manifestKey(_ canonical: String) -> String { canonical }

    /// An identifier column as text; a number written as a float with no fraction (`17850.0`) loses the `.0`.
    static func identifiers(_ column: Column) -> Column {
        switch column.data {
        case let .string(_, categories):
            guard categories.contains(where: { $0.hasSuffix(".0") }) else { return column }
            return mapText(column, name: column.name) { text in
                text.count > 2 && text.hasSuffix(".0") && text.dropLast(2).allSatisfy(\.isNumber) ? String(text.dropLast(2)) : text
            }
        default:
            return Column(column.name, (0..<column.count).map { row -> String? in
                let value = column[row]
                if case let .double(number) = value, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
                return value.isMissing ? nil : value.description
            })
        }
    }

    /// A text column whose values are `transform` of `column`'s values (nil gives missing), computed
    /// once per distinct value: O(rows) integer work however long the text. Non-text columns are
    /// read through their printed values.
    static func mapText(_ column: Column, name: String, _ transform: (String) -> String?) -> Column {
        guard case let .string(codes, categories) = column.data else {
            return Column(name, (0..<column.count).map { column.isMissing($0) ? nil : transform(column[$0].description) })
        }
        var mappedCategories: [String] = []
        var lookup: [String: Int32] = [:]
        let remap: [Int32] = categories.map { text in
            guard let mapped = transform(text) else { return -1 }
            if let code = lookup[mapped] { return code }
            let code = Int32(mappedCategories.count)
            lookup[mapped] = code
            mappedCategories.append(mapped)
            return code
        }
        return Column(name: name, data: .string(codes: codes.map { $0 < 0 ? -1 : remap[Int($0)] }, categories: mappedCategories))
    }

    /// Reads a CSV file, turning the reader's complaint about a schema column into the manifest key.
    private static func read(_ url: URL, options: CSVReadingOptions, keyOf: (String) -> String) throws -> DataFrame {
        do {
            return try CSVReader(options: options).read(contentsOf: url)
        } catch let error as CSVError {
            if case let .unknownColumn(available) = error.kind, let column = error.columnName {
                throw DatasetError.missingColumn(file: url.relativePath, key: keyOf(column), column: column, available: available)
            }
            throw error
        }
    }

    // MARK: - SKU attributes and stock

    private static func loadSKUs(_ source: SKUSource) throws -> DataFrame {
        let fields: [(canonical: String, key: String, column: String?)] = [
            (SKUColumn.sku, "sku", source.sku), (SKUColumn.description, "description", source.description),
            (SKUColumn.category, "category", source.category), (SKUColumn.price, "price", source.price),
            (SKUColumn.unitCost, "unit_cost", source.unitCost), (SKUColumn.volume, "volume", source.volume),
            (SKUColumn.shelfLife, "shelf_life", source.shelfLife),
        ]
        var options = CSVReadingOptions()
        for field in fields where [SKUColumn.sku, SKUColumn.description, SKUColumn.category].contains(field.canonical) {
            if let column = field.column { options.types[column] = .string }
        }
        let raw = try read(source.file, options: options, keyOf: { column in
            "skus." + (fields.first { $0.column == column }?.key ?? "path")
        })
        var frame = DataFrame()
        for field in fields {
            guard let column = field.column else { continue }
            guard raw.contains(column: column) else {
                throw DatasetError.missingColumn(file: source.file.relativePath, key: "skus.\(field.key)", column: column, available: raw.columnNames)
            }
            var values = try raw.column(column)
            values.name = field.canonical
            if field.canonical == SKUColumn.sku { values = identifiers(values) }
            if ![SKUColumn.sku, SKUColumn.description, SKUColumn.category].contains(field.canonical), values.doubles == nil {
                throw DatasetError.wrongColumnType(file: source.file.relativePath, key: "skus.\(field.key)", column: column,
                                                   expected: "numbers", found: values.type.description)
            }
            try frame.append(values)
        }
        return frame
    }

    private static func loadStock(_ manifest: DatasetManifest) throws -> DataFrame? {
        var locations: [String?] = [], skus: [String?] = [], onHand: [Double?] = []
        var found = false
        func append(_ frame: DataFrame, location: String?, source: StockSource?, file: URL, key: String) throws {
            let skuName = source?.sku ?? "sku", onHandName = source?.onHand ?? "on_hand"
            for (column, field) in [(skuName, "sku"), (onHandName, "on_hand")] + (location == nil ? [(source?.location ?? "location", "location")] : [])
            where !frame.contains(column: column) {
                throw DatasetError.missingColumn(file: file.relativePath, key: "\(key).\(field)", column: column, available: frame.columnNames)
            }
            guard let units = try frame.column(onHandName).doubles else {
                throw DatasetError.wrongColumnType(file: file.relativePath, key: "\(key).on_hand", column: onHandName,
                                                   expected: "numbers", found: try frame.column(onHandName).type.description)
            }
            skus += try identifiers(frame.column(skuName))[String.self]
            onHand += units.map { $0.isNaN ? nil : $0 }
            if let location {
                locations += Array(repeating: location, count: frame.rowCount)
            } else {
                locations += try identifiers(frame.column(source?.location ?? "location"))[String.self]
            }
            found = true
        }
        if let source = manifest.stock {
            let keys = ["sku": source.sku, "location": source.location]
            let frame = try read(source.file, options: CSVReadingOptions(textColumns: keys.values),
                                 keyOf: { column in "stock." + (keys.first { $0.value == column }?.key ?? "path") })
            try append(frame, location: nil, source: source, file: source.file, key: "stock")
        }
        for (index, location) in manifest.locations.enumerated() {
            guard let file = location.stockFile else { continue }
            let frame = try read(file, options: CSVReadingOptions(textColumns: ["sku"]), keyOf: { _ in "locations[\(index)].stock.sku" })
            try append(frame, location: location.name, source: nil, file: file, key: "locations[\(index)].stock")
        }
        guard found else { return nil }
        return try DataFrame(columns: [Column("location", locations), Column("sku", skus), Column("on_hand", onHand)])
    }
}

extension Column {
    /// The values as optional text (nil for missing): the identifiers the dataset loader makes.
    subscript(_ type: String.Type) -> [String?] {
        get throws { try String.values(of: self) }
    }
}
