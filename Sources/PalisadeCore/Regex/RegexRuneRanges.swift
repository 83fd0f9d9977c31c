/// A set of code points as a flat list of inclusive `[lo, hi]` pairs,
/// the representation Go's regexp/syntax uses for character classes.
/// Functions here keep the list "clean" (sorted, merged) only when asked.
struct RegexRuneRanges: Sendable, Equatable {
    static let maxRune: Int32 = 0x10FFFF

    var pairs: [Int32] = []

    init() {}

    init(pairs: [Int32]) {
        self.pairs = pairs
    }

    /// Adds `lo...hi`, extending one of the last two ranges when they touch.
    /// Checking two ranges keeps case-folded alphabets (A-Z, a-z) compact.
    mutating func append(_ lo: Int32, _ hi: Int32) {
        let n = pairs.count
        var i = 2
        while i <= 4 {
            if n >= i {
                let rlo = pairs[n - i], rhi = pairs[n - i + 1]
                if lo <= rhi + 1 && rlo <= hi + 1 {
                    if lo < rlo { pairs[n - i] = lo }
                    if hi > rhi { pairs[n - i + 1] = hi }
                    return
                }
            }
            i += 2
        }
        pairs.append(lo)
        pairs.append(hi)
    }

    mutating func append(contentsOf other: RegexRuneRanges) {
        var i = 0
        while i < other.pairs.count {
            append(other.pairs[i], other.pairs[i + 1])
            i += 2
        }
    }

    /// Appends the complement of a clean set.
    mutating func append(negationOf other: RegexRuneRanges) {
        var nextLo: Int32 = 0
        var i = 0
        while i < other.pairs.count {
            let lo = other.pairs[i], hi = other.pairs[i + 1]
            if nextLo <= lo - 1 { append(nextLo, lo - 1) }
            nextLo = hi + 1
            i += 2
        }
        if nextLo <= Self.maxRune { append(nextLo, Self.maxRune) }
    }

    /// Adds `lo...hi` together with every code point case-fold-equivalent to it.
    mutating func appendFolded(_ lo: Int32, _ hi: Int32) {
        var lo = lo, hi = hi
        let minFold = RegexCaseFolding.minFold, maxFold = RegexCaseFolding.maxFold
        if (lo <= minFold && hi >= maxFold) || hi < minFold || lo > maxFold {
            append(lo, hi)
            return
        }
        if lo < minFold {
            append(lo, minFold - 1)
            lo = minFold
        }
        if hi > maxFold {
            append(maxFold + 1, hi)
            hi = maxFold
        }
        append(lo, hi)
        for orbit in RegexCaseFolding.orbits(intersecting: lo, hi) {
            for r in orbit { append(r, r) }
        }
    }

    mutating func appendFolded(contentsOf other: RegexRuneRanges) {
        var i = 0
        while i < other.pairs.count {
            appendFolded(other.pairs[i], other.pairs[i + 1])
            i += 2
        }
    }

    /// Sorts and merges overlapping or abutting ranges.
    mutating func clean() {
        guard pairs.count > 2 else { return }
        var ranges: [(Int32, Int32)] = []
        ranges.reserveCapacity(pairs.count / 2)
        var i = 0
        while i < pairs.count {
            ranges.append((pairs[i], pairs[i + 1]))
            i += 2
        }
        ranges.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }
        var out: [Int32] = [ranges[0].0, ranges[0].1]
        out.reserveCapacity(pairs.count)
        for (lo, hi) in ranges.dropFirst() {
            if lo <= out[out.count - 1] + 1 {
                if hi > out[out.count - 1] { out[out.count - 1] = hi }
            } else {
                out.append(lo)
                out.append(hi)
            }
        }
        pairs = out
    }

    /// The complement of a clean set.
    func negated() -> RegexRuneRanges {
        var result = RegexRuneRanges()
        result.append(negationOf: self)
        return result
    }

    /// Membership test on a clean set (binary search).
    func contains(_ r: Int32) -> Bool {
        var lo = 0, hi = pairs.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if r > pairs[2 * mid + 1] {
                lo = mid + 1
            } else if r < pairs[2 * mid] {
                hi = mid
            } else {
                return true
            }
        }
        return false
    }

    /// Parses the generated table encoding: `41-5a,61-7a,aa`.
    init(encoded text: String) {
        for item in text.split(separator: ",") {
            if let dash = item.firstIndex(of: "-") {
                let lo = Int32(item[..<dash], radix: 16) ?? 0
                let hi = Int32(item[item.index(after: dash)...], radix: 16) ?? 0
                pairs.append(lo)
                pairs.append(hi)
            } else {
                let r = Int32(item, radix: 16) ?? 0
                pairs.append(r)
                pairs.append(r)
            }
        }
    }
}
