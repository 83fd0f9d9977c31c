import PalisadeCore

/// OPA's pattern builtins: regular expressions (RE2 syntax, Go semantics),
/// globs, and IP/CIDR networking.
enum PatternBuiltins {
    static var all: [Builtin] {
        regexBuiltins + [templateMatch, globsMatch] + globBuiltins + cidrBuiltins + [cidrMerge, lookupIPAddress]
    }

    /// Upper bound on regex and glob pattern sizes, in UTF-8 bytes.
    static let maxPatternBytes = 1 << 18
}
