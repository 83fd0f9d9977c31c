/// A set of IP protocol numbers (0–255) as a 256-bit mask, for the protocols
/// that have no ports or types: a connection set holds such a protocol whole or not at all.
struct ProtocolMask: Sendable, Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static let empty = ProtocolMask()

    var isEmpty: Bool { words == (0, 0, 0, 0) }

    func contains(_ number: UInt8) -> Bool { word(number >> 6) & (1 << UInt64(number & 63)) != 0 }

    mutating func insert(_ number: UInt8) {
        let bit: UInt64 = 1 << UInt64(number & 63)
        switch number >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    var members: [UInt8] { (0...255).map(UInt8.init).filter(contains) }

    func union(_ o: ProtocolMask) -> ProtocolMask {
        ProtocolMask(words: (words.0 | o.words.0, words.1 | o.words.1, words.2 | o.words.2, words.3 | o.words.3))
    }

    func intersection(_ o: ProtocolMask) -> ProtocolMask {
        ProtocolMask(words: (words.0 & o.words.0, words.1 & o.words.1, words.2 & o.words.2, words.3 & o.words.3))
    }

    func subtracting(_ o: ProtocolMask) -> ProtocolMask {
        ProtocolMask(words: (words.0 & ~o.words.0, words.1 & ~o.words.1, words.2 & ~o.words.2, words.3 & ~o.words.3))
    }

    private func word(_ index: UInt8) -> UInt64 {
        switch index {
        case 0: return words.0
        case 1: return words.1
        case 2: return words.2
        default: return words.3
        }
    }

    static func == (a: ProtocolMask, b: ProtocolMask) -> Bool { a.words == b.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
