/// The number of features of a clustering problem as a type, so that a kernel generic over it is
/// compiled once per common width with its feature loops unrolled, and once for any width.
protocol FeatureWidth {
    var count: Int { get }
}

struct Width2: FeatureWidth { var count: Int { 2 } }
struct Width3: FeatureWidth { var count: Int { 3 } }
struct Width4: FeatureWidth { var count: Int { 4 } }
struct AnyWidth: FeatureWidth { let count: Int }
