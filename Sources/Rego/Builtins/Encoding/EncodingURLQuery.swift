import PalisadeCore

/// urlquery.* builtins with Go's net/url query escaping rules.
enum EncodingURLQuery {
    static var builtins: [Builtin] {
        [
            Builtin("urlquery.encode", arity: 1) { args, _ in
                .string(escape(try args.string(0)))
            },
            Builtin("urlquery.decode", arity: 1) { args, _ in
                .string(try unescape(try args.string(0), args: args))
            },
            Builtin("urlquery.encode_object", arity: 1) { args, _ in
                .string(try encodeObject(try args.object(0), args: args))
            },
            Builtin("urlquery.decode_object", arity: 1) { args, _ in
                try decodeObject(try args.string(0), args: args)
            },
        ]
    }

    /// Go's url.QueryEscape.
    static func escape(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(c)
            case UInt8(ascii: " "):
                out.append(UInt8(ascii: "+"))
            default:
                out += [UInt8(ascii: "%"), hex[Int(c >> 4)], hex[Int(c & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct EscapeError: Error { var message: String }

    /// Go's url.QueryUnescape: `+` is a space, `%XX` a byte.
    static func unescapeBytes(_ s: String) -> Result<String, EscapeError> {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "%"):
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else {
                    let bad = Array(bytes[i..<min(bytes.count, i + 3)])
                    let text = EncodingGoStrings.string(fromBytes: bad)
                    return .failure(EscapeError(message: "invalid URL escape " + EncodingGoStrings.quote(text)))
                }
                out.append(hi << 4 | lo)
                i += 3
            case UInt8(ascii: "+"):
                out.append(UInt8(ascii: " "))
                i += 1
            default:
                out.append(bytes[i])
                i += 1
            }
        }
        return .success(EncodingGoStrings.string(fromBytes: out))
    }

    static func unescape(_ s: String, args: BuiltinArgs) throws -> String {
        switch unescapeBytes(s) {
        case .success(let text): return text
        case .failure(let error): throw args.failure(error.message)
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - 55
        default: return nil
        }
    }

    /// Go's url.Values.Encode: keys sorted, repeated keys for list values.
    static func encodeObject(_ object: [Value: Value], args: BuiltinArgs) throws -> String {
        let valueError = BuiltinError(.type, "\(args.name): operand 1 values must be string, array[string], or set[string]")
        var pairs: [(String, [String])] = []
        for (key, value) in object {
            let name = JSONWriter.keyText(key)
            switch value {
            case .string(let s):
                pairs.append((name, [s]))
            case .array, .set:
                var items: [String] = []
                for item in value.elements ?? [] {
                    guard case .string(let s) = item else { throw valueError }
                    items.append(s)
                }
                pairs.append((name, items))
            default:
                throw valueError
            }
        }
        pairs.sort { EncodingGoStrings.less($0.0, $1.0) }
        var parts: [String] = []
        for (key, values) in pairs {
            for v in values { parts.append(escape(key) + "=" + escape(v)) }
        }
        return parts.joined(separator: "&")
    }

    /// Go's url.ParseQuery; the first error wins, as OPA returns it.
    static func decodeObject(_ query: String, args: BuiltinArgs) throws -> Value {
        var result: [String: [Value]] = [:]
        var firstError: String?
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            if part.contains(";") {
                firstError = firstError ?? "invalid semicolon separator in query"
                continue
            }
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawKey = String(pieces[0])
            let rawValue = pieces.count > 1 ? String(pieces[1]) : ""
            switch (unescapeBytes(rawKey), unescapeBytes(rawValue)) {
            case (.success(let k), .success(let v)):
                result[k, default: []].append(.string(v))
            case (.failure(let e), _), (_, .failure(let e)):
                firstError = firstError ?? e.message
            }
        }
        if let firstError { throw args.failure(firstError) }
        return .object(fields: result.mapValues { .array($0) })
    }
}
