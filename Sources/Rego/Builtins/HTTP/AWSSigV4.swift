import Crypto
import Foundation

/// AWS Signature Version 4, header-based and single-chunk, computed exactly
/// as OPA's `internal/providers/aws.SignV4` does (the path is Go's
/// `EscapedPath()` and the query string is used raw, without re-sorting).
struct AWSSigV4 {
    struct Credentials {
        var accessKey: String
        var secretKey: String
        var region: String
        var sessionToken: String
    }

    /// Headers proxies tend to rewrite; AWS SDKs leave them unsigned too.
    static let ignoredHeaders: Set<String> = ["authorization", "user-agent", "x-amzn-trace-id"]
    static let unsignedPayload = "UNSIGNED-PAYLOAD"

    var method: String
    var url: HTTPGoURL
    /// Request headers, each with a single value.
    var headers: [String: String]
    var body: [UInt8]
    var service: String
    var credentials: Credentials
    /// Signing time, nanoseconds since the Unix epoch.
    var timeNanoseconds: Int64
    var disablePayloadSigning: Bool

    /// The `Authorization` header and the extra headers the signature covers.
    func sign() -> (authorization: String, awsHeaders: [String: String]) {
        let contentHash = disablePayloadSigning ? Self.unsignedPayload : Self.hexSHA256(body)
        let (date, timestamp) = Self.formatTime(timeNanoseconds)

        var awsHeaders = ["host": url.host, "x-amz-date": timestamp]
        if service == "s3" || service == "glacier" {
            awsHeaders["x-amz-content-sha256"] = contentHash
        }
        if !credentials.sessionToken.isEmpty {
            awsHeaders["x-amz-security-token"] = credentials.sessionToken
        }

        var toSign = awsHeaders
        for name in headers.keys.sorted() {
            let lower = name.lowercased()
            if !Self.ignoredHeaders.contains(lower) { toSign[lower] = headers[name] }
        }
        let signedNames = toSign.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let signedList = signedNames.joined(separator: ";")

        var canonical = method + "\n" + url.escapedPath + "\n" + url.rawQuery + "\n"
        for name in signedNames { canonical += name + ":" + (toSign[name] ?? "") + "\n" }
        canonical += "\n" + signedList + "\n" + contentHash

        let scope = date + "/" + credentials.region + "/" + service + "/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
            + Self.hexSHA256(Array(canonical.utf8))

        var key = Self.hmac(date, key: Array(("AWS4" + credentials.secretKey).utf8))
        key = Self.hmac(credentials.region, key: key)
        key = Self.hmac(service, key: key)
        key = Self.hmac("aws4_request", key: key)
        let signature = Self.hex(Self.hmac(stringToSign, key: key))

        let authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.accessKey + "/" + scope
            + ",SignedHeaders=" + signedList + ",Signature=" + signature
        return (authorization, awsHeaders)
    }

    static func hexSHA256(_ bytes: [UInt8]) -> String {
        hex(Array(SHA256.hash(data: bytes)))
    }

    static func hmac(_ message: String, key: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `20060102` and `20060102T150405Z` in UTC, from Unix nanoseconds.
    static func formatTime(_ nanoseconds: Int64) -> (date: String, timestamp: String) {
        let (seconds, _) = floorDivide(nanoseconds, 1_000_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilDate(fromDays: days)
        let date = pad(year, 4) + pad(month, 2) + pad(day, 2)
        let time = pad(secondOfDay / 3600, 2) + pad(secondOfDay % 3600 / 60, 2) + pad(secondOfDay % 60, 2)
        return (date, date + "T" + time + "Z")
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var q = a / b
        var r = a % b
        if r < 0 { q -= 1; r += b }
        return (q, r)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ n: Int64, _ width: Int) -> String {
        let digits = String(abs(n))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return n < 0 ? "-" + padded : padded
    }
}
