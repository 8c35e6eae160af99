import Tabular

/// Holiday effects of one day in the synthetic world: store and online traffic multipliers, the
/// extra pull on occasional gifters, and category multipliers (in ``SyntheticCategory`` order).
struct HolidayEffects {
    var storeTraffic = 1.0
    var onlineTraffic = 1.0
    var gifterTraffic = 0.6
    var category: [Double] = Array(repeating: 1, count: SyntheticCategory.allCases.count)
    /// A name for the holiday season the day is in, for documentation and tests.
    var season: String?

    /// The US retail calendar the generator follows: Thanksgiving (fourth Thursday of November),
    /// Christmas, New Year's Eve, Valentine's Day and July 4th.
    static func of(_ date: CivilDate) -> HolidayEffects {
        var effects = HolidayEffects()
        let (month, day) = (date.month, date.day)
        let thanksgiving = thanksgivingDay(year: date.year)
        func boost(_ factors: [SyntheticCategory: Double]) {
            for category in SyntheticCategory.allCases { effects.category[category.rawValue] *= factors[category] ?? 1 }
        }
        if month == 11, (thanksgiving - 7)...(thanksgiving - 1) ~= day {
            effects.season = "thanksgiving"
            effects.storeTraffic = 1.6
            effects.onlineTraffic = 1.4
            effects.gifterTraffic = 1.2
            boost([.specialty: 1.8, .produce: 1.5, .bakery: 1.7, .wine: 1.3, .cheese: 1.3])
        } else if month == 11, day == thanksgiving {
            effects.season = "thanksgiving"
            effects.storeTraffic = 0.3
            effects.onlineTraffic = 0.5
        } else if month == 11, day > thanksgiving {
            effects.season = "christmas"
            effects.storeTraffic = 1.15
            effects.onlineTraffic = 1.5   // Black Friday and Cyber Monday
            effects.gifterTraffic = 3
            boost([.luxury: 1.6, .wine: 1.2, .cheese: 1.2])
        } else if month == 12, day <= 23 {
            effects.season = "christmas"
            effects.storeTraffic = day >= 10 ? 1.45 : 1.2
            effects.onlineTraffic = day <= 18 ? 1.5 : 1.1
            effects.gifterTraffic = day >= 10 ? 6 : 4
            boost([.luxury: 2.2, .wine: 1.6, .cheese: 1.8, .specialty: 1.2])
        } else if month == 12, day == 24 {
            effects.season = "christmas"
            effects.storeTraffic = 1.3
            effects.onlineTraffic = 0.6
            effects.gifterTraffic = 3
            boost([.luxury: 1.8, .wine: 1.5, .cheese: 1.6, .bakery: 1.5])
        } else if month == 12, day == 25 {
            effects.season = "christmas"
            effects.storeTraffic = 0   // stores closed
            effects.onlineTraffic = 0.3
        } else if month == 12 || (month == 1 && day == 1) {
            effects.season = "new_year"
            effects.storeTraffic = day == 1 ? 0.4 : 1.15
            effects.onlineTraffic = 0.9
            boost([.wine: 2.0, .luxury: 1.4, .cheese: 1.2])
        } else if month == 2, (8...14).contains(day) {
            effects.season = "valentines"
            effects.storeTraffic = 1.15
            effects.onlineTraffic = 1.2
            effects.gifterTraffic = 4
            boost([.luxury: 2.0, .wine: 1.5, .bakery: 1.3])
        } else if (month == 6 && day == 30) || (month == 7 && day <= 4) {
            effects.season = "july_4th"
            effects.storeTraffic = day == 4 && month == 7 ? 0.6 : 1.3
            boost([.produce: 1.6, .bakery: 1.4, .wine: 1.3, .cheese: 1.2])
        }
        return effects
    }

    /// The day of November of the fourth Thursday.
    static func thanksgivingDay(year: Int) -> Int {
        let weekday = CivilDate(year: year, month: 11, day: 1).weekday   // 0 = Monday
        return 1 + (3 - weekday + 7) % 7 + 21
    }
}
