/// Smoothing parameters and initial states of an ETS model.
///
/// The smoothing parameters are those of the error-correction form as statsmodels' `ETSModel`
/// reports them: `alpha` (level), `beta` (trend), `gamma` (season) and `phi` (damping; 1 without
/// damping). Parameters that the model does not use are 0 (`phi`: 1).
public struct ETSParameters: Sendable, Hashable {
    public var alpha: Double
    public var beta: Double
    public var gamma: Double
    public var phi: Double
    /// ℓ₀, the level before the first observation.
    public var initialLevel: Double
    /// b₀, the trend before the first observation; 0 without trend.
    public var initialTrend: Double
    /// The seasonal states that apply to the first `period` observations, oldest first
    /// (s₋ₘ, …, s₋₁). The first is fixed at 0 (additive) or 1 (multiplicative), which makes the
    /// model identifiable, as in statsmodels.
    public var initialSeasonal: [Double]

    public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1,
                initialLevel: Double, initialTrend: Double = 0, initialSeasonal: [Double] = []) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
        self.initialLevel = initialLevel
        self.initialTrend = initialTrend
        self.initialSeasonal = initialSeasonal
    }
}
