import Tabular

extension DatasetManifest {
    /// The locations as a frame: `location`, `region`, `kind`, `latitude`, `longitude`, `capacity`,
    /// `serves` (the served regions joined by `;`), in manifest order.
    public func locationsFrame() -> DataFrame {
        // The columns are built from one array, so they always have equal lengths and distinct names.
        (try? DataFrame(columns: [
            Column("location", locations.map(\.name)),
            Column("region", locations.map(\.region)),
            Column("kind", locations.map(\.kind.rawValue)),
            Column("latitude", locations.map(\.latitude)),
            Column("longitude", locations.map(\.longitude)),
            Column("capacity", locations.map(\.capacity)),
            Column("serves", locations.map { $0.servedRegions.joined(separator: ";") }),
        ])) ?? DataFrame()
    }

    /// The regions as a frame: `region`, `latitude`, `longitude`, `note`, in manifest order.
    public func regionsFrame() -> DataFrame {
        (try? DataFrame(columns: [
            Column("region", regions.map(\.name)),
            Column("latitude", regions.map(\.latitude)),
            Column("longitude", regions.map(\.longitude)),
            Column("note", regions.map(\.note)),
        ])) ?? DataFrame()
    }
}
