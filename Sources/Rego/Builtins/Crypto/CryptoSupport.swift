import PalisadeCore

/// A failure inside a crypto or token builtin. Its message is the text OPA
/// prints after the builtin's name, e.g. `encoded JWT had no period separators`.
struct CryptoFailure: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}

extension BuiltinArgs {
    /// Runs `body`, turning a `CryptoFailure` into this builtin's
    /// `eval_builtin_error` with OPA's `name: message` text.
    func cryptoRun<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as BuiltinError {
            throw error
        } catch let failure as CryptoFailure {
            throw self.failure(failure.message)
        } catch {
            throw self.failure("\(error)")
        }
    }
}

enum CryptoHex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, as Go's `hex.EncodeToString`.
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Base64 exactly as Go's `encoding/base64` decodes and encodes it, including
/// the byte offsets in its `illegal base64 data at input byte N` errors.
enum CryptoBase64 {
    enum Alphabet {
        case standard, url

        var characters: [UInt8] {
            switch self {
            case .standard: return Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            case .url: return Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
            }
        }
    }

    private static let standardMap = decodeMap(.standard)
    private static let urlMap = decodeMap(.url)

    private static func decodeMap(_ alphabet: Alphabet) -> [UInt8] {
        var map = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in alphabet.characters.enumerated() { map[Int(c)] = UInt8(i) }
        return map
    }

    static func encode<Bytes: Collection>(_ bytes: Bytes, alphabet: Alphabet = .standard, padded: Bool = true) -> String
    where Bytes.Element == UInt8 {
        let chars = alphabet.characters
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var i = 0
        while i < input.count {
            let b0 = input[i]
            let b1 = i + 1 < input.count ? input[i + 1] : 0
            let b2 = i + 2 < input.count ? input[i + 2] : 0
            let remaining = input.count - i
            out.append(chars[Int(b0 >> 2)])
            out.append(chars[Int((b0 & 0x03) << 4 | b1 >> 4)])
            if remaining > 1 { out.append(chars[Int((b1 & 0x0f) << 2 | b2 >> 6)]) } else if padded { out.append(61) }
            if remaining > 2 { out.append(chars[Int(b2 & 0x3f)]) } else if padded { out.append(61) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes padded base64 (Go's `StdEncoding`/`URLEncoding`), ignoring
    /// CR and LF as Go does.
    static func decode<Bytes: Collection>(_ text: Bytes, alphabet: Alphabet = .standard) throws -> [UInt8]
    where Bytes.Element == UInt8 {
        let src = Array(text)
        let map = alphabet == .standard ? standardMap : urlMap
        var out: [UInt8] = []
        out.reserveCapacity(src.count / 4 * 3)
        var si = 0
        while si < src.count {
            var quantum = [UInt8](repeating: 0, count: 4)
            var length = 4
            var j = 0
            var finished = false
            while j < 4 {
                if si == src.count {
                    if j == 0 { return out }
                    throw corrupt(si - j)
                }
                let c = src[si]
                si += 1
                let decoded = map[Int(c)]
                if decoded != 0xff {
                    quantum[j] = decoded
                    j += 1
                    continue
                }
                if c == 10 || c == 13 { continue }
                guard c == 61 else { throw corrupt(si - 1) }
                // Padding: only valid as "==" after two symbols or "=" after three.
                switch j {
                case 0, 1: throw corrupt(si - 1)
                case 2:
                    while si < src.count, src[si] == 10 || src[si] == 13 { si += 1 }
                    if si == src.count { throw corrupt(src.count) }
                    if src[si] != 61 { throw corrupt(si - 1) }
                    si += 1
                default: break
                }
                while si < src.count, src[si] == 10 || src[si] == 13 { si += 1 }
                if si < src.count { throw corrupt(si) }
                length = j
                finished = true
                break
            }
            let value = UInt32(quantum[0]) << 18 | UInt32(quantum[1]) << 12 | UInt32(quantum[2]) << 6 | UInt32(quantum[3])
            let bytes = [UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
            out.append(contentsOf: bytes.prefix(length - 1))
            if finished { return out }
        }
        return out
    }

    /// OPA's `base64url.decode`: adds the missing padding (RFC 7515 appendix C)
    /// unless the text already ends with `=`.
    static func decodeURLLenient(_ text: String) throws -> [UInt8] {
        var padded = text
        if !text.hasSuffix("=") {
            switch text.utf8.count % 4 {
            case 0: break
            case 2: padded += "=="
            case 3: padded += "="
            default: throw CryptoFailure("illegal base64url string: \(text)")
            }
        }
        return try decode(Array(padded.utf8), alphabet: .url)
    }

    private static func corrupt(_ offset: Int) -> CryptoFailure {
        CryptoFailure("illegal base64 data at input byte \(offset)")
    }
}

extension Array where Element == UInt8 {
    /// Big-endian bytes without leading zeros, as Go's `big.Int.Bytes()`.
    var cryptoTrimmedLeadingZeros: [UInt8] {
        Array(drop(while: { $0 == 0 }))
    }

    /// Left-pads with zeros to `length` bytes (never truncates).
    func cryptoLeftPadded(to length: Int) -> [UInt8] {
        count >= length ? self : [UInt8](repeating: 0, count: length - count) + self
    }
}

/// Constant-time comparison (Go's `hmac.Equal`): the running time depends only
/// on the lengths.
func cryptoConstantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for i in 0..<a.count { difference |= a[i] ^ b[i] }
    return difference == 0
}
