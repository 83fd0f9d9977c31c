import PalisadeCore

/// base64.*, base64url.* and hex.* builtins (Go's encoding/base64 and encoding/hex).
enum EncodingBase64 {
    static let standardAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let urlAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static var builtins: [Builtin] {
        [
            Builtin("base64.encode", arity: 1) { args, _ in
                .string(encode(Array(try args.string(0).utf8), alphabet: standardAlphabet, pad: true))
            },
            Builtin("base64.decode", arity: 1) { args, _ in
                let bytes = try decodeOrThrow(try args.string(0), alphabet: standardAlphabet, args: args)
                return .string(EncodingGoStrings.string(fromBytes: bytes))
            },
            Builtin("base64.is_valid", arity: 1) { args, _ in
                guard case .string(let s) = args[0] else { return .false }
                if case .success = decode(Array(s.utf8), alphabet: standardAlphabet) { return .true }
                return .false
            },
            Builtin("base64url.encode", arity: 1) { args, _ in
                .string(encode(Array(try args.string(0).utf8), alphabet: urlAlphabet, pad: true))
            },
            Builtin("base64url.encode_no_pad", arity: 1) { args, _ in
                .string(encode(Array(try args.string(0).utf8), alphabet: urlAlphabet, pad: false))
            },
            Builtin("base64url.decode", arity: 1) { args, _ in
                var s = try args.string(0)
                // RFC 7515 Appendix C: accept input without its padding.
                if !s.hasSuffix("=") {
                    switch s.utf8.count % 4 {
                    case 0: break
                    case 2: s += "=="
                    case 3: s += "="
                    default: throw args.failure("illegal base64url string: \(s)")
                    }
                }
                let bytes = try decodeOrThrow(s, alphabet: urlAlphabet, args: args)
                return .string(EncodingGoStrings.string(fromBytes: bytes))
            },
            Builtin("hex.encode", arity: 1) { args, _ in
                let digits = Array("0123456789abcdef".utf8)
                var out: [UInt8] = []
                for b in try args.string(0).utf8 {
                    out.append(digits[Int(b >> 4)])
                    out.append(digits[Int(b & 0x0F)])
                }
                return .string(String(decoding: out, as: UTF8.self))
            },
            Builtin("hex.decode", arity: 1) { args, _ in
                switch hexDecode(Array(try args.string(0).utf8)) {
                case .success(let bytes): return .string(EncodingGoStrings.string(fromBytes: bytes))
                case .failure(let error): throw args.failure(error.message)
                }
            },
        ]
    }

    struct DecodeError: Error { var message: String }

    static func encode(_ bytes: [UInt8], alphabet: [UInt8], pad: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = (b0 << 16) | (b1 << 8) | b2
            let chars = min(3, bytes.count - i) + 1
            for k in 0..<4 {
                if k < chars {
                    out.append(alphabet[Int((n >> UInt32(18 - 6 * k)) & 0x3F)])
                } else if pad {
                    out.append(UInt8(ascii: "="))
                }
            }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decodeOrThrow(_ s: String, alphabet: [UInt8], args: BuiltinArgs) throws -> [UInt8] {
        switch decode(Array(s.utf8), alphabet: alphabet) {
        case .success(let bytes): return bytes
        case .failure(let error): throw args.failure(error.message)
        }
    }

    /// Padded decoding as Go's `Encoding.DecodeString` does: CR and LF are
    /// skipped, padding must be complete, nothing may follow it.
    static func decode(_ input: [UInt8], alphabet: [UInt8]) -> Result<[UInt8], DecodeError> {
        var table = [Int](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = i }
        func illegal(_ at: Int) -> Result<[UInt8], DecodeError> {
            .failure(DecodeError(message: "illegal base64 data at input byte \(at)"))
        }
        var out: [UInt8] = []
        var quantum: [Int] = []
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == 0x0A || c == 0x0D { i += 1; continue }
            if c == UInt8(ascii: "=") {
                // Padding is only legal in the 3rd or 4th place of a quantum.
                guard quantum.count >= 2 else { return illegal(i) }
                var needed = 4 - quantum.count
                var j = i
                while j < input.count, needed > 0 {
                    let p = input[j]
                    if p == 0x0A || p == 0x0D { j += 1; continue }
                    guard p == UInt8(ascii: "=") else { return illegal(j - 1) }
                    needed -= 1
                    j += 1
                }
                if needed > 0 { return illegal(input.count) }
                while j < input.count, input[j] == 0x0A || input[j] == 0x0D { j += 1 }
                if j < input.count { return illegal(j) }
                appendQuantum(quantum, into: &out)
                return .success(out)
            }
            let v = table[Int(c)]
            guard v >= 0 else { return illegal(i) }
            quantum.append(v)
            if quantum.count == 4 {
                appendQuantum(quantum, into: &out)
                quantum.removeAll(keepingCapacity: true)
            }
            i += 1
        }
        if !quantum.isEmpty { return illegal(input.count - quantum.count) }
        return .success(out)
    }

    private static func appendQuantum(_ q: [Int], into out: inout [UInt8]) {
        var n = 0
        for k in 0..<4 { n = (n << 6) | (k < q.count ? q[k] : 0) }
        out.append(UInt8((n >> 16) & 0xFF))
        if q.count >= 3 { out.append(UInt8((n >> 8) & 0xFF)) }
        if q.count == 4 { out.append(UInt8(n & 0xFF)) }
    }

    static func hexDecode(_ src: [UInt8]) -> Result<[UInt8], DecodeError> {
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - 55
            default: return nil
            }
        }
        func invalid(_ c: UInt8) -> Result<[UInt8], DecodeError> {
            .failure(DecodeError(message: "encoding/hex: invalid byte: " + EncodingGoStrings.unicodeVerb(UInt32(c))))
        }
        var out: [UInt8] = []
        var j = 1
        while j < src.count {
            guard let a = value(src[j - 1]) else { return invalid(src[j - 1]) }
            guard let b = value(src[j]) else { return invalid(src[j]) }
            out.append(a << 4 | b)
            j += 2
        }
        if src.count % 2 == 1 {
            if value(src[j - 1]) == nil { return invalid(src[j - 1]) }
            return .failure(DecodeError(message: "encoding/hex: odd length hex string"))
        }
        return .success(out)
    }
}
