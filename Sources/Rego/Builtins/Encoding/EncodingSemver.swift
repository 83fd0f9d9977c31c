import PalisadeCore

/// semver.compare and semver.is_valid (SemVer 2.0 precedence, OPA's parser).
enum EncodingSemver {
    static var builtins: [Builtin] {
        [
            Builtin("semver.compare", arity: 2) { args, _ in
                let a = try args.string(0), b = try args.string(1)
                guard let va = Version(a) else { throw args.failure("operand 1: string \(a) is not a valid SemVer") }
                guard let vb = Version(b) else { throw args.failure("operand 2: string \(b) is not a valid SemVer") }
                return .int(va.compare(vb))
            },
            Builtin("semver.is_valid", arity: 1) { args, _ in
                guard case .string(let s) = args[0] else { return .false }
                return .bool(Version(s) != nil)
            },
        ]
    }

    struct Version {
        var major: Int64, minor: Int64, patch: Int64
        var preRelease: String

        init?(_ text: String) {
            var version = Substring(text)
            if version.hasPrefix("v") { version = version.dropFirst() }
            let (core, metadata) = Self.cut(version, "+")
            if !metadata.isEmpty, !Self.isIdentifierList(metadata) { return nil }
            let (numbers, pre) = Self.cut(core, "-")
            if !pre.isEmpty, !Self.isIdentifierList(pre) { return nil }
            let parts = numbers.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let ma = Self.parseInt(parts[0]), let mi = Self.parseInt(parts[1]),
                  let pa = Self.parseInt(parts[2]) else { return nil }
            (major, minor, patch, preRelease) = (ma, mi, pa, String(pre))
        }

        /// Go's strconv.ParseInt(s, 10, 64).
        private static func parseInt(_ s: Substring) -> Int64? {
            var digits = s
            if let c = digits.first, c == "+" || c == "-" { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int64(s.hasPrefix("+") ? String(s.dropFirst()) : String(s))
        }

        private static func cut(_ s: Substring, _ sep: Character) -> (Substring, Substring) {
            guard let i = s.firstIndex(of: sep) else { return (s, "") }
            return (s[..<i], s[s.index(after: i)...])
        }

        /// `^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$`
        private static func isIdentifierList(_ s: Substring) -> Bool {
            s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        }

        func compare(_ other: Version) -> Int {
            for (a, b) in [(major, other.major), (minor, other.minor), (patch, other.patch)] where a != b {
                return a > b ? 1 : -1
            }
            if preRelease == other.preRelease { return 0 }
            if preRelease.isEmpty { return 1 }
            if other.preRelease.isEmpty { return -1 }
            let a = preRelease.split(separator: ".", omittingEmptySubsequences: false)
            let b = other.preRelease.split(separator: ".", omittingEmptySubsequences: false)
            for (x, y) in zip(a, b) {
                let xNum = x.allSatisfy { $0.isASCII && $0.isNumber }, yNum = y.allSatisfy { $0.isASCII && $0.isNumber }
                if xNum && !yNum { return -1 }
                if !xNum && yNum { return 1 }
                if xNum && yNum {
                    let c = Self.compareDecimal(x, y)
                    if c != 0 { return c }
                } else if x != y {
                    return EncodingGoStrings.less(String(x), String(y)) ? -1 : 1
                }
            }
            return a.count == b.count ? 0 : (a.count > b.count ? 1 : -1)
        }

        private static func compareDecimal(_ x: Substring, _ y: Substring) -> Int {
            let a = x.drop { $0 == "0" }, b = y.drop { $0 == "0" }
            if a.count != b.count { return a.count > b.count ? 1 : -1 }
            return a == b ? 0 : (a > b ? 1 : -1)
        }
    }
}
