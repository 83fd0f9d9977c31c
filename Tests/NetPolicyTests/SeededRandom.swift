/// SplitMix64: the same numbers for the same seed on every platform and
/// toolchain (the standard library's random helpers promise no such thing).
/// Shared by the property tests, the fuzz tests and the packet proof.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// low ... high.
    mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
