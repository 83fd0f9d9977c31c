import PalisadeCore

/// trim, trim_left, trim_right (code-point cutsets), trim_prefix,
/// trim_suffix and trim_space, with Go's `strings` semantics.
extension StringBuiltins {
    static var stringTrimBuiltins: [Builtin] {
        [
            cutsetTrim("trim", left: true, right: true),
            cutsetTrim("trim_left", left: true, right: false),
            cutsetTrim("trim_right", left: false, right: true),
            Builtin("trim_prefix", arity: 2) { args, _ in
                let s = try args.string(0), prefix = try args.string(1)
                guard StringsUTF8.hasPrefix(s, prefix) else { return .string(s) }
                return .string(StringsUTF8.text(s.utf8.dropFirst(prefix.utf8.count)))
            },
            Builtin("trim_suffix", arity: 2) { args, _ in
                let s = try args.string(0), suffix = try args.string(1)
                guard StringsUTF8.hasSuffix(s, suffix) else { return .string(s) }
                return .string(StringsUTF8.text(s.utf8.dropLast(suffix.utf8.count)))
            },
            Builtin("trim_space", arity: 1) { args, _ in
                .string(trimmed(try args.string(0), left: true, right: true) { $0.properties.isWhitespace })
            },
        ]
    }

    private static func cutsetTrim(_ name: String, left: Bool, right: Bool) -> Builtin {
        Builtin(name, arity: 2) { args, _ in
            let s = try args.string(0)
            let cutset = Set(try args.string(1).unicodeScalars)
            return .string(trimmed(s, left: left, right: right) { cutset.contains($0) })
        }
    }

    /// Removes leading and/or trailing code points matching `strip`.
    static func trimmed(_ s: String, left: Bool, right: Bool, _ strip: (Unicode.Scalar) -> Bool) -> String {
        var scalars = Substring(s).unicodeScalars
        if left, let first = scalars.firstIndex(where: { !strip($0) }) {
            scalars = scalars[first...]
        } else if left {
            return ""
        }
        if right, let last = scalars.lastIndex(where: { !strip($0) }) {
            scalars = scalars[...last]
        } else if right {
            return ""
        }
        return String(scalars)
    }
}
