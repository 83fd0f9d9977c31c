/// Unicode simple case folding, as Go's `unicode.SimpleFold` orbits.
enum RegexCaseFolding {
    /// Smallest and largest code points that take part in any fold orbit.
    static let minFold: Int32 = 0x41
    static let maxFold: Int32 = 0x1E943

    /// Each orbit sorted ascending.
    static let allOrbits: [[Int32]] = RegexUnicodeData.foldOrbits.split(separator: ";").map { orbit in
        orbit.split(separator: ",").map { Int32($0, radix: 16) ?? 0 }
    }

    /// Every member of every orbit with its orbit index, sorted by member.
    private static let members: [(rune: Int32, orbit: Int)] = {
        var list: [(rune: Int32, orbit: Int)] = []
        for (index, orbit) in allOrbits.enumerated() {
            for r in orbit { list.append((r, index)) }
        }
        return list.sorted { $0.rune < $1.rune }
    }()

    private static func firstMember(atLeast r: Int32) -> Int {
        var lo = 0, hi = members.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if members[mid].rune < r { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The fold orbit of `r` (including `r`), or nil when `r` folds only to itself.
    static func orbit(of r: Int32) -> [Int32]? {
        let i = firstMember(atLeast: r)
        guard i < members.count, members[i].rune == r else { return nil }
        return allOrbits[members[i].orbit]
    }

    /// Orbits with at least one member in `lo...hi`.
    static func orbits(intersecting lo: Int32, _ hi: Int32) -> [[Int32]] {
        var seen = Set<Int>()
        var result: [[Int32]] = []
        var i = firstMember(atLeast: lo)
        while i < members.count && members[i].rune <= hi {
            if seen.insert(members[i].orbit).inserted { result.append(allOrbits[members[i].orbit]) }
            i += 1
        }
        return result
    }

    /// The smallest code point fold-equivalent to `r`.
    static func minFoldRune(_ r: Int32) -> Int32 {
        orbit(of: r)?.first ?? r
    }
}

/// Named Unicode classes for `\p{...}`: general categories, scripts and
/// category aliases, looked up the way Go's regexp/syntax does.
enum RegexUnicodeClasses {
    private static let oneLetterCategories: [String: [String]] = [
        "C": ["Cc", "Cf", "Co", "Cs"],
        "L": ["Lu", "Ll", "Lt", "Lm", "Lo"],
        "M": ["Mn", "Mc", "Me"],
        "N": ["Nd", "Nl", "No"],
        "P": ["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"],
        "S": ["Sm", "Sc", "Sk", "So"],
        "Z": ["Zs", "Zl", "Zp"],
        "LC": ["Lu", "Ll", "Lt"],
    ]

    private static let categoryTables: [String: RegexRuneRanges] = {
        var tables: [String: RegexRuneRanges] = [:]
        for (name, encoded) in RegexUnicodeData.categories {
            tables[name] = RegexRuneRanges(encoded: encoded)
        }
        for (name, parts) in oneLetterCategories {
            var union = RegexRuneRanges()
            for part in parts { union.append(contentsOf: tables[part] ?? RegexRuneRanges()) }
            union.clean()
            tables[name] = union
        }
        return tables
    }()

    private static let scriptTables: [String: RegexRuneRanges] = {
        var tables: [String: RegexRuneRanges] = [:]
        for (name, encoded) in RegexUnicodeData.scripts {
            tables[canonicalName(name)] = RegexRuneRanges(encoded: encoded)
        }
        return tables
    }()

    private static let aliases: [String: String] = {
        var map: [String: String] = [:]
        for (alias, short) in RegexUnicodeData.categoryAliases {
            map[canonicalName(alias)] = short
        }
        return map
    }()

    /// Go's lookup key: leading uppercase, the rest lowercase, without `_`, `-` and spaces.
    static func canonicalName(_ name: String) -> String {
        var result = ""
        var first = true
        for c in name.unicodeScalars {
            if c == "_" || c == "-" || c == " " { continue }
            if first {
                result.unicodeScalars.append(("a"..."z").contains(c) ? Unicode.Scalar(UInt8(c.value - 32)) : c)
                first = false
            } else {
                result.unicodeScalars.append(("A"..."Z").contains(c) ? Unicode.Scalar(UInt8(c.value + 32)) : c)
            }
        }
        return result
    }

    /// The code points of a named class and whether the class must be negated
    /// (`Assigned` is stored as its complement). Nil for unknown names.
    static func table(named name: String) -> (ranges: RegexRuneRanges, negate: Bool)? {
        let key = canonicalName(name)
        switch key {
        case "Any": return (RegexRuneRanges(pairs: [0, RegexRuneRanges.maxRune]), false)
        case "Assigned": return categoryTables["Cn"].map { ($0, true) }
        case "Ascii": return (RegexRuneRanges(pairs: [0, 0x7F]), false)
        case "Lc": return categoryTables["LC"].map { ($0, false) }
        default: break
        }
        if key.unicodeScalars.count <= 2, let table = categoryTables[key] { return (table, false) }
        if let table = scriptTables[key] { return (table, false) }
        if let short = aliases[key], let table = categoryTables[short] { return (table, false) }
        return nil
    }
}
