import Tabular

/// The step-by-step construction of a ``SyntheticWorld``; every random draw comes from one
/// ``SeededRandom`` stream in a fixed order, so the world depends only on the configuration.
struct SyntheticGenerator {
    let configuration: Configuration
    var random: SeededRandom
    typealias Configuration = SyntheticWorld.Configuration

    /// Products on promotion per (week, category): SKU indices with their discount in percent.
    private var promotions: [[[(sku: Int, discount: Int)]]] = []

    init(configuration: Configuration) {
        self.configuration = configuration
        random = SeededRandom(seed: configuration.seed)
    }

    struct Output {
        var regions: [Region]
        var locations: [Location]
        var skus: [SyntheticWorld.SKU]
        var customers: [SyntheticWorld.Customer]
        var sales: SyntheticWorld.Sales
        var stock: [SyntheticWorld.StockLevel]
    }

    /// Internal state of one customer.
    private struct Shopper {
        var segment: SyntheticSegment
        var region: SyntheticRegion
        var homeStore: Int
        var onlineShare: Double
        var activity: Double
        var taste: [Double]
        var firstDay: Int
        var lastDay: Int
    }

    mutating func run() -> Output {
        let sites = scaledSites()
        let regions = SyntheticRegion.allCases.map { Region(name: $0.name, latitude: $0.centre.0, longitude: $0.centre.1) }
        let (skus, popularity) = makeCatalog()
        let shoppers = makeShoppers(sites: sites)
        makePromotions(skus: skus)
        let sales = makeSales(sites: sites, skus: skus, popularity: popularity, shoppers: shoppers)
        let (stock, capacities) = makeStock(sites: sites, skus: skus, sales: sales)
        let locations = sites.indices.map { index in
            let site = sites[index]
            return Location(name: site.name, region: site.region.name, kind: site.isStore ? .store : .fulfillmentCenter,
                            latitude: site.latitude, longitude: site.longitude, capacity: capacities[index],
                            serves: site.serves.map(\.name))
        }
        let width = max(5, String(shoppers.count).count)
        let customers = shoppers.indices.map { index in
            let shopper = shoppers[index]
            return SyntheticWorld.Customer(
                id: "C" + SyntheticFormat.padded(index + 1, width: width), segment: shopper.segment,
                homeRegion: shopper.region.name, homeStore: sites[shopper.homeStore].name, onlineShare: shopper.onlineShare)
        }
        return Output(regions: regions, locations: locations, skus: skus, customers: customers, sales: sales, stock: stock)
    }

    // MARK: - Sites

    /// The base stores and fulfillment centers, with `scale − 1` sister stores per store.
    private func scaledSites() -> [SyntheticSite] {
        let base = SyntheticSite.base
        var stores = base.filter(\.isStore)
        let centers = base.filter { !$0.isStore }
        if configuration.scale > 1 {
            for copy in 2...configuration.scale {
                for site in base where site.isStore {
                    var sister = site
                    sister.name = "\(site.name) \(copy)"
                    // Sister stores sit a few kilometres away, spiralling out.
                    let step = Double(copy - 1)
                    sister.latitude = site.latitude + 0.05 * step * (copy % 2 == 0 ? 1 : -1)
                    sister.longitude = site.longitude + 0.06 * step * (copy % 3 == 0 ? -1 : 1)
                    sister.coverWeeks = site.coverWeeks * (0.5 + Double(copy % 4) * 0.4)
                    stores.append(sister)
                }
            }
        }
        return stores + centers
    }

    // MARK: - Catalog

    private mutating func makeCatalog() -> ([SyntheticWorld.SKU], [Double]) {
        var skus: [SyntheticWorld.SKU] = []
        var popularity: [Double] = []
        for category in SyntheticCategory.allCases {
            let (products, variants) = category.names
            for index in 0..<category.skuCount {
                var description = products[index % products.count] + " " + variants[(index / products.count) % variants.count]
                let round = index / (products.count * variants.count)
                if round > 0 { description += " No. \(round + 1)" }
                let (median, sigma) = category.price
                let price = random.logNormal(mu: PortableMath.log(median), sigma: sigma)
                // Shelf prices end in .49 or .99.
                let priceCents = max(49, Int((price * 2).rounded(.down)) * 50 + 49)
                let costCents = Int((Double(priceCents) * category.costShare * (0.9 + 0.2 * random.uniform())).rounded())
                let volume = category.volumeML
                let volumeML = (volume.lowerBound + random.int(below: volume.upperBound - volume.lowerBound + 1)) / 10 * 10
                let shelf = category.shelfLifeDays
                let shelfLife = shelf.lowerBound + random.int(below: shelf.upperBound - shelf.lowerBound + 1)
                let isSlow = random.bernoulli(0.22)
                var weight = random.logNormal(mu: 0, sigma: 0.5) / PortableMath.exp(0.8 * PortableMath.log(Double(index + 1)))
                if isSlow { weight *= 0.04 }
                popularity.append(weight)
                skus.append(SyntheticWorld.SKU(
                    id: "\(category.code)-\(SyntheticFormat.padded(index + 1, width: 3))", description: description,
                    category: category, priceCents: priceCents, costCents: costCents, volumeML: volumeML,
                    shelfLifeDays: shelfLife, isSlowMover: isSlow))
            }
        }
        return (skus, popularity)
    }

    // MARK: - Customers

    private mutating func makeShoppers(sites: [SyntheticSite]) -> [Shopper] {
        let count = configuration.customers * configuration.scale
        let segmentWeights = SyntheticSegment.allCases.map(\.share).runningSums()
        let regionWeights = SyntheticRegion.allCases.map(\.customerShare).runningSums()
        let storesByRegion = SyntheticRegion.allCases.map { region in sites.indices.filter { sites[$0].isStore && sites[$0].region == region } }
        let days = configuration.days
        return (0..<count).map { _ in
            let segment = SyntheticSegment(rawValue: random.pick(cumulative: segmentWeights) ?? 0) ?? .weeklyRegular
            let region = SyntheticRegion(rawValue: random.pick(cumulative: regionWeights) ?? 0) ?? .west
            let stores = storesByRegion[region.rawValue]
            let storeWeights = stores.map { sites[$0].size }.runningSums()
            let homeStore = stores[random.pick(cumulative: storeWeights) ?? 0]
            let online = min(0.98, segment.onlineShare * random.logNormal(mu: 0, sigma: 0.35))
            let activity = random.gamma(shape: 2.5, scale: 0.4)
            let taste = SyntheticCategory.allCases.map { category in
                segment.categoryTaste[category.rawValue] * region.categoryLean[category.rawValue] * random.gamma(shape: 5, scale: 0.2)
            }
            // Most customers are there from the start; some join later and some leave.
            let firstDay = random.bernoulli(0.18) ? random.int(below: days * 3 / 4) : 0
            let lastDay = random.bernoulli(0.12) ? firstDay + random.int(below: max(1, days - firstDay)) : days - 1
            return Shopper(segment: segment, region: region, homeStore: homeStore, onlineShare: online,
                           activity: activity, taste: taste, firstDay: firstDay, lastDay: lastDay)
        }
    }

    // MARK: - Promotions

    /// Each week, about a third of the categories put three SKUs on promotion at 15–30% off.
    private mutating func makePromotions(skus: [SyntheticWorld.SKU]) {
        let weeks = (configuration.days + 6) / 7
        let byCategory = SyntheticCategory.allCases.map { category in skus.indices.filter { skus[$0].category == category } }
        promotions = (0..<weeks).map { _ in
            byCategory.map { members in
                guard random.bernoulli(0.32), members.count >= 3 else { return [] }
                var chosen: [(sku: Int, discount: Int)] = []
                while chosen.count < 3 {
                    let sku = members[random.int(below: members.count)]
                    if !chosen.contains(where: { $0.sku == sku }) {
                        chosen.append((sku, 15 + 5 * random.int(below: 4)))
                    }
                }
                return chosen
            }
        }
    }

    // MARK: - Transactions

    private mutating func makeSales(sites: [SyntheticSite], skus: [SyntheticWorld.SKU], popularity: [Double],
                                    shoppers: [Shopper]) -> SyntheticWorld.Sales {
        let categories = SyntheticCategory.allCases
        let regionsAll = SyntheticRegion.allCases
        let skusByCategory = categories.map { category in skus.indices.filter { skus[$0].category == category } }
        let cumulativePopularity = skusByCategory.map { members in members.map { popularity[$0] }.runningSums() }
        let storesByRegion = regionsAll.map { region in sites.indices.filter { sites[$0].isStore && sites[$0].region == region } }
        let storeWeightsByRegion = storesByRegion.map { stores in stores.map { sites[$0].size }.runningSums() }
        let centerFor = regionsAll.map { region in sites.indices.first { !sites[$0].isStore && sites[$0].serves.contains(region) } ?? 0 }
        let startDay = configuration.start.daysSince1970
        let days = configuration.days
        // Online orders of each region follow the region's yearly swing at half strength.
        var sales = SyntheticWorld.Sales()
        var invoice = 100_000
        var categoryWeights = [Double](repeating: 0, count: categories.count)
        var basketSKU: [Int] = []
        var basketUnits: [Int] = []
        var basketPrice: [Int] = []

        for offset in 0..<days {
            let date = CivilDate(days: startDay + offset)
            let weekday = date.weekday
            let dayOfYear = Double(date.daysSince1970 - CivilDate(year: date.year, month: 1, day: 1).daysSince1970)
            let holiday = HolidayEffects.of(date)
            let years = Double(offset) / 365.25
            let trend = 1 + 0.05 * years
            let onlineGrowth = 0.8 + 0.4 * Double(offset) / Double(max(1, days - 1))
            let week = offset / 7
            let weekPromotions = promotions[week]
            let promotedCategories = Double(weekPromotions.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) })
            func swing(_ amplitude: Double, _ peak: Double) -> Double {
                1 + amplitude * PortableMath.cos(PortableMath.twoPi * (dayOfYear - peak) / 365.25)
            }
            let regionTraffic = regionsAll.map { region in
                (store: swing(region.yearly.amplitude, region.yearly.peakDay) * region.storeWeek[weekday] * holiday.storeTraffic,
                 online: swing(region.yearly.amplitude / 2, region.yearly.peakDay) * SyntheticRegion.onlineWeek[weekday] * holiday.onlineTraffic)
            }
            let regionMix = regionsAll.map { region in
                categories.map { category in
                    category.baseShare * swing(category.yearly.amplitude * region.seasonDamping(category), category.yearly.peakDay)
                        * holiday.category[category.rawValue]
                }
            }
            let storeTrend = sites.map { 1 + $0.growth * years }

            for customerIndex in shoppers.indices {
                let shopper = shoppers[customerIndex]
                guard offset >= shopper.firstDay, offset <= shopper.lastDay else { continue }
                var rate = shopper.segment.visitRate * shopper.activity * trend
                switch shopper.segment {
                case .occasionalGifter: rate *= holiday.gifterTraffic
                case .bargainHunter: rate *= 0.6 + 0.35 * promotedCategories
                default: break
                }
                let traffic = regionTraffic[shopper.region.rawValue]
                let pStore = rate * (1 - shopper.onlineShare) * traffic.store * storeTrend[shopper.homeStore]
                let pOnline = rate * min(0.99, shopper.onlineShare * onlineGrowth) * traffic.online
                let draw = random.uniform()
                let online: Bool
                if draw < pStore { online = false } else if draw < pStore + pOnline { online = true } else { continue }

                let region = shopper.region.rawValue
                let location: Int
                if online {
                    location = centerFor[region]
                } else if random.bernoulli(0.1), let other = random.pick(cumulative: storeWeightsByRegion[region]) {
                    location = storesByRegion[region][other]
                } else {
                    location = shopper.homeStore
                }

                var lines = 1 + random.poisson(shopper.segment.basketLines - 1)
                if shopper.segment == .occasionalGifter, holiday.season == "christmas" { lines += random.poisson(0.8) }
                basketSKU.removeAll(keepingCapacity: true)
                basketUnits.removeAll(keepingCapacity: true)
                basketPrice.removeAll(keepingCapacity: true)
                for _ in 0..<lines {
                    for category in categories.indices {
                        categoryWeights[category] = shopper.taste[category] * regionMix[region][category]
                    }
                    let category = random.pick(cumulative: categoryWeights.runningSums()) ?? 0
                    let promoted = weekPromotions[category]
                    var sku: Int
                    var discount = 0
                    if !promoted.isEmpty, random.bernoulli(shopper.segment.promotionAffinity) {
                        let choice = promoted[random.int(below: promoted.count)]
                        sku = choice.sku
                        discount = choice.discount
                    } else {
                        sku = skusByCategory[category][random.pick(cumulative: cumulativePopularity[category]) ?? 0]
                        discount = promoted.first { $0.sku == sku }?.discount ?? 0
                    }
                    var units = 1 + random.poisson(categories[category].extraUnits)
                    if discount > 0, shopper.segment == .bargainHunter { units += random.poisson(1) }
                    let price = (skus[sku].priceCents * (100 - discount) + 50) / 100
                    if let existing = basketSKU.firstIndex(of: sku) {
                        basketUnits[existing] += units
                    } else {
                        basketSKU.append(sku)
                        basketUnits.append(units)
                        basketPrice.append(price)
                    }
                }
                invoice += 1
                for line in basketSKU.indices {
                    sales.day.append(startDay + offset)
                    sales.invoice.append(invoice)
                    sales.customer.append(Int32(customerIndex))
                    sales.sku.append(Int32(basketSKU[line]))
                    sales.quantity.append(Int32(basketUnits[line]))
                    sales.priceCents.append(Int32(basketPrice[line]))
                    sales.location.append(Int16(location))
                    sales.online.append(online)
                    sales.region.append(Int8(region))
                }
            }
        }
        return sales
    }

    // MARK: - Stock and capacity

    /// Stock covering each location's recent demand for a location-specific number of weeks (some
    /// stores far over, some far under), and a capacity a little above what they hold.
    private mutating func makeStock(sites: [SyntheticSite], skus: [SyntheticWorld.SKU],
                                    sales: SyntheticWorld.Sales) -> ([SyntheticWorld.StockLevel], [Int]) {
        let window = min(56, configuration.days)
        let lastDay = configuration.start.daysSince1970 + configuration.days - 1
        var recentUnits = [Int](repeating: 0, count: sites.count * skus.count)
        for row in 0..<sales.count where sales.day[row] > lastDay - window {
            recentUnits[Int(sales.location[row]) * skus.count + Int(sales.sku[row])] += Int(sales.quantity[row])
        }
        var stock: [SyntheticWorld.StockLevel] = []
        var capacities: [Int] = []
        for location in sites.indices {
            var held = 0
            var weekly = 0.0
            for sku in skus.indices {
                let perWeek = Double(recentUnits[location * skus.count + sku]) * 7 / Double(window)
                weekly += perWeek
                var onHand: Int
                if perWeek > 0 {
                    onHand = Int((perWeek * sites[location].coverWeeks * random.logNormal(mu: 0, sigma: 0.45)).rounded())
                } else {
                    // Dead stock: slow movers that sit on shelves where nobody buys them.
                    onHand = random.bernoulli(min(0.9, 0.08 * sites[location].coverWeeks)) ? 1 + random.poisson(1.5) : 0
                }
                onHand = max(0, onHand)
                held += onHand
                stock.append(SyntheticWorld.StockLevel(location: location, sku: sku, onHand: onHand))
            }
            let needed = max(Double(held) * 1.08, weekly * 6, 100)
            capacities.append((Int(needed.rounded(.up)) + 99) / 100 * 100)
        }
        return (stock, capacities)
    }
}
