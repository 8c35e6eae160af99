import Foundation
import FuzzSupport
import Inventory

/// The dataset loader on any files: the input, split at NUL bytes, is the transactions, the SKU
/// attributes and the stock of a fixed manifest (the manifest loader has its own target), written to
/// a scratch folder and loaded as `Dataset(contentsOf:)` does. An error is a fine answer; a trap or
/// a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let parts = splitInput(data, size, parts: 3)
    withScratchFolder { folder in
        for (part, name) in zip(parts, ["transactions.csv", "skus.csv", "stock.csv"]) {
            try? Data(part).write(to: folder.appendingPathComponent(name))
        }
        let manifest = folder.appendingPathComponent("dataset.toml")
        try? manifestText.write(to: manifest, atomically: false, encoding: .utf8)
        _ = try? Dataset(contentsOf: manifest)
    }
    return 0
}

/// The bundled sample's manifest.
let manifestText = """
# Written by `synth --seed 42 --scale 1`; see data/README.md for every key.
name = "Restock gourmet sample"
description = "A synthetic gourmet retailer: 12 stores and 3 fulfillment centers in four regions, 212 SKUs, 2500 customers, 2023-01-01 to 2024-12-31."

[transactions]
path = "transactions.csv"
date = "date"
invoice = "invoice"
customer = "customer"
sku = "sku"
quantity = "quantity"
unit_price = "unit_price"
location = "location"
channel = "channel"
region = "region"

[skus]
path = "skus.csv"
sku = "sku"
description = "description"
category = "category"
price = "unit_price"
unit_cost = "unit_cost"
volume = "volume_l"
shelf_life = "shelf_life_days"

[stock]
path = "stock.csv"
location = "location"
sku = "sku"
on_hand = "on_hand"

[costs]
# Shipping to a region or transferring between locations: fixed cost per unit plus a rate per unit and km.
rate_per_unit_km = 0.0006
fixed_per_unit = 1.5
transfer_rate_per_unit_km = 0.0004
transfer_fixed_per_unit = 0.75
holding_rate = 0.25

[[regions]]
name = "West"
latitude = 37.2000
longitude = -119.6000

[[regions]]
name = "East"
latitude = 41.2000
longitude = -74.4000

[[regions]]
name = "North"
latitude = 42.6000
longitude = -88.4000

[[regions]]
name = "South"
latitude = 30.4000
longitude = -88.9000

[[locations]]
name = "Beverly Hills Gourmet"
region = "West"
kind = "store"
latitude = 34.0736
longitude = -118.4004
capacity = 1500

[[locations]]
name = "San Francisco"
region = "West"
kind = "store"
latitude = 37.7749
longitude = -122.4194
capacity = 1100

[[locations]]
name = "Seattle"
region = "West"
kind = "store"
latitude = 47.6062
longitude = -122.3321
capacity = 1200

[[locations]]
name = "Denver"
region = "West"
kind = "store"
latitude = 39.7392
longitude = -104.9903
capacity = 900

[[locations]]
name = "Manhattan"
region = "East"
kind = "store"
latitude = 40.7831
longitude = -73.9712
capacity = 2100

[[locations]]
name = "Boston"
region = "East"
kind = "store"
latitude = 42.3601
longitude = -71.0589
capacity = 1300

[[locations]]
name = "Chicago"
region = "North"
kind = "store"
latitude = 41.8781
longitude = -87.6298
capacity = 1300

[[locations]]
name = "Minneapolis"
region = "North"
kind = "store"
latitude = 44.9778
longitude = -93.2650
capacity = 700

[[locations]]
name = "Detroit"
region = "North"
kind = "store"
latitude = 42.3314
longitude = -83.0458
capacity = 400

[[locations]]
name = "South Beach"
region = "South"
kind = "store"
latitude = 25.7907
longitude = -80.1300
capacity = 1700

[[locations]]
name = "Austin"
region = "South"
kind = "store"
latitude = 30.2672
longitude = -97.7431
capacity = 1200

[[locations]]
name = "Atlanta"
region = "South"
kind = "store"
latitude = 33.7490
longitude = -84.3880
capacity = 1200

[[locations]]
name = "Reno FC"
region = "West"
kind = "fulfillment_center"
latitude = 39.5296
longitude = -119.8138
capacity = 1300
serves = ["West"]

[[locations]]
name = "Columbus FC"
region = "North"
kind = "fulfillment_center"
latitude = 39.9612
longitude = -82.9988
capacity = 1900
serves = ["North", "East"]

[[locations]]
name = "Dallas FC"
region = "South"
kind = "fulfillment_center"
latitude = 32.7767
longitude = -96.7970
capacity = 1000
serves = ["South"]
"""

exit(runFuzzTarget(fuzzDataset))
