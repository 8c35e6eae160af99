/// The product categories of the synthetic gourmet retailer and how each behaves.
public enum SyntheticCategory: Int, Sendable, CaseIterable, CustomStringConvertible {
    case luxury, wine, specialty, produce, bakery, cheese

    public var description: String {
        switch self {
        case .luxury: "Luxury"
        case .wine: "Wine & Spirits"
        case .specialty: "Specialty Foods"
        case .produce: "Fresh Produce"
        case .bakery: "Bakery"
        case .cheese: "Cheese & Charcuterie"
        }
    }

    /// The SKU code prefix.
    var code: String {
        switch self {
        case .luxury: "LUX"
        case .wine: "WIN"
        case .specialty: "SPF"
        case .produce: "PRD"
        case .bakery: "BAK"
        case .cheese: "CHC"
        }
    }

    /// How many SKUs the category has at scale 1.
    var skuCount: Int {
        switch self {
        case .luxury: 24
        case .wine: 48
        case .specialty: 52
        case .produce: 38
        case .bakery: 20
        case .cheese: 30
        }
    }

    /// Median list price in dollars and the log-scale spread around it.
    var price: (median: Double, sigma: Double) {
        switch self {
        case .luxury: (85, 0.6)
        case .wine: (32, 0.5)
        case .specialty: (11, 0.45)
        case .produce: (4.5, 0.45)
        case .bakery: (7, 0.3)
        case .cheese: (17, 0.35)
        }
    }

    /// Unit cost as a share of list price (gross margin = 1 − this).
    var costShare: Double {
        switch self {
        case .luxury: 0.55
        case .wine: 0.62
        case .specialty: 0.5
        case .produce: 0.6
        case .bakery: 0.4
        case .cheese: 0.55
        }
    }

    /// Range of the unit volume in millilitres.
    var volumeML: ClosedRange<Int> {
        switch self {
        case .luxury: 50...500
        case .wine: 500...1000
        case .specialty: 150...1000
        case .produce: 300...2000
        case .bakery: 400...1500
        case .cheese: 150...600
        }
    }

    /// Range of the shelf life in days.
    var shelfLifeDays: ClosedRange<Int> {
        switch self {
        case .luxury: 14...365
        case .wine: 1095...3650
        case .specialty: 180...720
        case .produce: 4...14
        case .bakery: 2...6
        case .cheese: 21...120
        }
    }

    /// The share of basket lines the category gets before region, segment and season.
    var baseShare: Double {
        switch self {
        case .luxury: 0.07
        case .wine: 0.19
        case .specialty: 0.22
        case .produce: 0.26
        case .bakery: 0.14
        case .cheese: 0.12
        }
    }

    /// Mean units per basket line beyond the first.
    var extraUnits: Double {
        switch self {
        case .luxury: 0.08
        case .wine: 0.7
        case .specialty: 0.45
        case .produce: 1.1
        case .bakery: 0.5
        case .cheese: 0.3
        }
    }

    /// Yearly seasonality of the category's share: amplitude and the day of year of the peak.
    var yearly: (amplitude: Double, peakDay: Double) {
        switch self {
        case .luxury: (0.35, 355)
        case .wine: (0.25, 350)
        case .specialty: (0.15, 325)
        case .produce: (0.35, 200)
        case .bakery: (0.05, 330)
        case .cheese: (0.25, 350)
        }
    }

    /// Product names to build SKU descriptions from, and the pack sizes they come in.
    var names: (products: [String], variants: [String]) {
        switch self {
        case .luxury:
            (["Ossetra Caviar", "Kaluga Caviar", "Black Winter Truffle", "White Alba Truffle", "Saffron Threads",
              "Foie Gras Terrine", "Wagyu Striploin", "Iberico Ham", "Smoked Salmon Reserve", "Truffle Honey",
              "Gold Leaf Pralines", "Aged Balsamic Tradizionale"], ["30g", "50g", "125g"])
        case .wine:
            (["Napa Cabernet", "Sonoma Pinot Noir", "Willamette Pinot Gris", "Chablis Premier Cru", "Barolo",
              "Brunello di Montalcino", "Rioja Reserva", "Champagne Brut", "Prosecco Superiore", "Sancerre",
              "Small Batch Bourbon", "Islay Single Malt", "London Dry Gin", "Mezcal Joven", "Tawny Port",
              "Provence Rose"], ["Classic", "Reserve", "Magnum"])
        case .specialty:
            (["Extra Virgin Olive Oil", "Sherry Vinegar", "Truffle Salt", "Artisan Pasta", "San Marzano Tomatoes",
              "Wildflower Honey", "Dark Chocolate Bar", "Spiced Nut Mix", "Fig Jam", "Preserved Lemons",
              "Harissa Paste", "Smoked Paprika", "Arborio Rice", "Anchovy Fillets", "Maple Syrup",
              "Espresso Beans", "Loose Leaf Tea", "Sea Salt Crackers"], ["Small", "Large", "Gift Tin"])
        case .produce:
            (["Heirloom Tomatoes", "Baby Spinach", "Avocados", "Wild Mushrooms", "Microgreens", "Meyer Lemons",
              "Organic Berries", "Stone Fruit", "Asparagus", "Fingerling Potatoes", "Rainbow Carrots",
              "Fresh Herbs", "Shishito Peppers"], ["Punnet", "Bunch", "Box"])
        case .bakery:
            (["Sourdough Loaf", "Baguette", "Croissants", "Olive Focaccia", "Brioche", "Rye Boule",
              "Almond Tart"], ["Single", "Family", "Six Pack"])
        case .cheese:
            (["Aged Comte", "Manchego", "Burrata", "Stilton", "Brie de Meaux", "Parmigiano Reggiano",
              "Prosciutto di Parma", "Finocchiona Salami", "Chorizo Iberico", "Duck Rillettes"],
             ["Cut", "Wedge", "Wheel"])
        }
    }
}

/// The hidden behavioural segments of synthetic customers (written only to `customers_truth.csv`).
public enum SyntheticSegment: Int, Sendable, CaseIterable, CustomStringConvertible {
    case connoisseur, weeklyRegular, occasionalGifter, bargainHunter, onlineFirst

    public var description: String {
        switch self {
        case .connoisseur: "connoisseur"
        case .weeklyRegular: "weekly_regular"
        case .occasionalGifter: "occasional_gifter"
        case .bargainHunter: "bargain_hunter"
        case .onlineFirst: "online_first"
        }
    }

    /// Share of customers.
    var share: Double {
        switch self {
        case .connoisseur: 0.14
        case .weeklyRegular: 0.26
        case .occasionalGifter: 0.24
        case .bargainHunter: 0.20
        case .onlineFirst: 0.16
        }
    }

    /// Mean orders per day outside holidays.
    var visitRate: Double {
        switch self {
        case .connoisseur: 0.04
        case .weeklyRegular: 0.058
        case .occasionalGifter: 0.004
        case .bargainHunter: 0.018
        case .onlineFirst: 0.03
        }
    }

    /// Mean basket lines.
    var basketLines: Double {
        switch self {
        case .connoisseur: 2.6
        case .weeklyRegular: 2.4
        case .occasionalGifter: 1.8
        case .bargainHunter: 1.6
        case .onlineFirst: 2.2
        }
    }

    /// Mean share of orders placed online (customers vary around it).
    var onlineShare: Double {
        switch self {
        case .connoisseur: 0.2
        case .weeklyRegular: 0.08
        case .occasionalGifter: 0.35
        case .bargainHunter: 0.15
        case .onlineFirst: 0.88
        }
    }

    /// Probability that a basket line is a promoted SKU when the category has promotions.
    var promotionAffinity: Double {
        switch self {
        case .connoisseur: 0.05
        case .weeklyRegular: 0.15
        case .occasionalGifter: 0.1
        case .bargainHunter: 0.75
        case .onlineFirst: 0.2
        }
    }

    /// Multipliers of the category shares, in ``SyntheticCategory`` order.
    var categoryTaste: [Double] {
        switch self {
        case .connoisseur: [3.0, 2.4, 1.0, 0.5, 0.6, 2.0]
        case .weeklyRegular: [0.2, 0.7, 1.1, 2.2, 2.2, 0.9]
        case .occasionalGifter: [3.2, 2.0, 0.8, 0.2, 0.4, 1.6]
        case .bargainHunter: [0.3, 0.8, 1.5, 1.3, 1.0, 0.8]
        case .onlineFirst: [0.8, 1.3, 1.5, 0.6, 0.4, 0.9]
        }
    }
}

/// The sales regions of the synthetic retailer.
enum SyntheticRegion: Int, CaseIterable {
    case west, east, north, south

    var name: String {
        switch self {
        case .west: "West"
        case .east: "East"
        case .north: "North"
        case .south: "South"
        }
    }

    /// The demand centre (latitude, longitude) used for shipping distances.
    var centre: (Double, Double) {
        switch self {
        case .west: (37.2, -119.6)
        case .east: (41.2, -74.4)
        case .north: (42.6, -88.4)
        case .south: (30.4, -88.9)
        }
    }

    /// Share of customers living in the region.
    var customerShare: Double {
        switch self {
        case .west: 0.30
        case .east: 0.24
        case .north: 0.22
        case .south: 0.24
        }
    }

    /// Multipliers of the category shares, in ``SyntheticCategory`` order: West leans to luxury and
    /// wine, East to specialty foods, South to fresh produce.
    var categoryLean: [Double] {
        switch self {
        case .west: [1.7, 1.6, 0.85, 0.8, 0.9, 1.0]
        case .east: [1.0, 0.9, 1.8, 0.75, 1.0, 1.2]
        case .north: [0.8, 0.9, 1.0, 0.9, 1.3, 1.3]
        case .south: [0.8, 0.8, 0.8, 1.9, 0.9, 0.7]
        }
    }

    /// Yearly seasonality of store traffic: amplitude and day of year of the peak.
    var yearly: (amplitude: Double, peakDay: Double) {
        switch self {
        case .west: (0.08, 350)
        case .east: (0.14, 340)
        case .north: (0.22, 195)
        case .south: (0.2, 40)
        }
    }

    /// Store traffic by weekday, Monday first.
    var storeWeek: [Double] {
        switch self {
        case .west: [0.9, 0.85, 0.9, 1.0, 1.1, 1.2, 1.05]
        case .east: [0.85, 0.85, 0.95, 1.05, 1.25, 1.2, 0.85]
        case .north: [0.75, 0.75, 0.85, 0.95, 1.1, 1.5, 1.1]
        case .south: [0.7, 0.7, 0.8, 0.9, 1.2, 1.6, 1.3]
        }
    }

    /// Online orders by weekday, Monday first (the same everywhere).
    static let onlineWeek: [Double] = [1.3, 1.15, 1.05, 1.0, 0.9, 0.75, 0.85]

    /// How much a category's yearly swing is damped in this region (produce stays in season in the South).
    func seasonDamping(_ category: SyntheticCategory) -> Double {
        switch (self, category) {
        case (.south, .produce): 0.35
        case (.north, .produce): 1.4
        case (.west, _): 0.8
        default: 1
        }
    }
}

/// A store or fulfillment center of the synthetic retailer before scaling.
struct SyntheticSite {
    var name: String
    var region: SyntheticRegion
    var isStore: Bool
    var latitude: Double
    var longitude: Double
    /// Relative share of its region's walk-in customers.
    var size: Double
    /// Yearly growth of walk-in traffic (a store-level trend).
    var growth: Double
    /// Weeks of demand the current stock covers, on average (deliberately unbalanced).
    var coverWeeks: Double
    /// Regions served with online orders (fulfillment centers).
    var serves: [SyntheticRegion] = []

    static let base: [SyntheticSite] = [
        SyntheticSite(name: "Beverly Hills Gourmet", region: .west, isStore: true, latitude: 34.0736, longitude: -118.4004, size: 1.5, growth: 0.06, coverWeeks: 0.8),
        SyntheticSite(name: "San Francisco", region: .west, isStore: true, latitude: 37.7749, longitude: -122.4194, size: 1.1, growth: 0.04, coverWeeks: 3),
        SyntheticSite(name: "Seattle", region: .west, isStore: true, latitude: 47.6062, longitude: -122.3321, size: 0.9, growth: -0.03, coverWeeks: 6.5),
        SyntheticSite(name: "Denver", region: .west, isStore: true, latitude: 39.7392, longitude: -104.9903, size: 0.7, growth: 0.1, coverWeeks: 1.5),
        SyntheticSite(name: "Manhattan", region: .east, isStore: true, latitude: 40.7831, longitude: -73.9712, size: 1.6, growth: 0.03, coverWeeks: 1.1),
        SyntheticSite(name: "Boston", region: .east, isStore: true, latitude: 42.3601, longitude: -71.0589, size: 0.9, growth: 0.02, coverWeeks: 4.5),
        SyntheticSite(name: "Chicago", region: .north, isStore: true, latitude: 41.8781, longitude: -87.6298, size: 1.3, growth: -0.08, coverWeeks: 7),
        SyntheticSite(name: "Minneapolis", region: .north, isStore: true, latitude: 44.9778, longitude: -93.2650, size: 0.7, growth: 0.0, coverWeeks: 3),
        SyntheticSite(name: "Detroit", region: .north, isStore: true, latitude: 42.3314, longitude: -83.0458, size: 0.6, growth: -0.02, coverWeeks: 2),
        SyntheticSite(name: "South Beach", region: .south, isStore: true, latitude: 25.7907, longitude: -80.1300, size: 1.2, growth: 0.08, coverWeeks: 0.7),
        SyntheticSite(name: "Austin", region: .south, isStore: true, latitude: 30.2672, longitude: -97.7431, size: 0.9, growth: 0.16, coverWeeks: 1.2),
        SyntheticSite(name: "Atlanta", region: .south, isStore: true, latitude: 33.7490, longitude: -84.3880, size: 0.9, growth: 0.0, coverWeeks: 5.5),
        SyntheticSite(name: "Reno FC", region: .west, isStore: false, latitude: 39.5296, longitude: -119.8138, size: 1, growth: 0, coverWeeks: 3, serves: [.west]),
        SyntheticSite(name: "Columbus FC", region: .north, isStore: false, latitude: 39.9612, longitude: -82.9988, size: 1, growth: 0, coverWeeks: 5, serves: [.north, .east]),
        SyntheticSite(name: "Dallas FC", region: .south, isStore: false, latitude: 32.7767, longitude: -96.7970, size: 1, growth: 0, coverWeeks: 1.5, serves: [.south]),
    ]
}
