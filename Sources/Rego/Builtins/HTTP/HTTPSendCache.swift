import Foundation
import PalisadeCore

/// Results of `http.send` within one evaluation: the same request always gets
/// the same answer (including the same error), as OPA guarantees.
final class HTTPSendQueryCache: @unchecked Sendable {
    static let maximumEntries = 10_000
    private let lock = NSLock()
    private var entries: [Value: Result<Value, HTTPSendFailure>] = [:]

    static func of(_ context: BuiltinContext) -> HTTPSendQueryCache {
        context.memoized("http.send/query-cache") { HTTPSendQueryCache() }
    }

    func lookup(_ key: Value) -> Result<Value, HTTPSendFailure>? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    func store(_ key: Value, _ result: Result<Value, HTTPSendFailure>) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count < Self.maximumEntries || entries[key] != nil { entries[key] = result }
    }
}

/// How a request asks to be cached across evaluations (`cache`, `force_cache`).
struct HTTPSendCachePolicy {
    var usesSharedCache = false
    /// `force_cache_duration_seconds` when `force_cache` is set.
    var forcedSeconds: Int64?

    /// Status codes RFC 7231 calls cacheable by default.
    static let cacheableStatusCodes: Set<Int> = [200, 203, 204, 206, 300, 301, 404, 405, 410, 414, 501]

    init(_ request: [Value: Value]) throws(HTTPSendFailure) {
        let cache = try HTTPSendRequestKeys.flag(request, "cache")
        guard try HTTPSendRequestKeys.flag(request, "force_cache") else {
            usesSharedCache = cache
            return
        }
        usesSharedCache = true
        guard let duration = request[httpField: "force_cache_duration_seconds"] else {
            throw .plain("'force_cache' set but 'force_cache_duration_seconds' parameter is missing")
        }
        forcedSeconds = try HTTPGoText.parseInt(HTTPGoText.regoText(duration), bits: 32).get()
    }

    var isForced: Bool { (forcedSeconds ?? 0) > 0 }

    /// When a fresh response stops being fresh, in Unix nanoseconds; nil when
    /// it must not be stored at all.
    func expiry(of response: HTTPSendRawResponse, now: Int64) -> Int64? {
        guard Self.cacheableStatusCodes.contains(response.statusCode) else { return nil }
        if isForced, let seconds = forcedSeconds { return now &+ seconds &* 1_000_000_000 }
        let directives = HTTPSendCacheHeaders.cacheControl(response)
        if directives["no-store"] != nil { return nil }
        return HTTPSendCacheHeaders.expiry(response, directives: directives)
    }
}

/// Cache-Control, Date and Expires handling as in OPA's http.send cache.
enum HTTPSendCacheHeaders {
    /// Expired from the start: always revalidated or refetched.
    static let alreadyStale = Int64.min

    static func cacheControl(_ response: HTTPSendRawResponse) -> [String: String] {
        var directives: [String: String] = [:]
        for part in (response.header("cache-control") ?? "").split(separator: ",") {
            let directive = part.trimmingCharacters(in: CharacterSet(charactersIn: " "))
            if directive.isEmpty { continue }
            if directive.contains("=") {
                let items = directive.split(separator: "=", omittingEmptySubsequences: false)
                guard items.count == 2 else { continue }
                directives[items[0].trimmingCharacters(in: CharacterSet(charactersIn: " "))] =
                    items[1].trimmingCharacters(in: CharacterSet(charactersIn: ","))
            } else {
                directives[directive] = ""
            }
        }
        return directives
    }

    /// `max-age` counted from the Date header, else Expires; nil when max-age
    /// is present but unusable (OPA then skips caching).
    static func expiry(_ response: HTTPSendRawResponse, directives: [String: String]) -> Int64? {
        if let maxAge = directives["max-age"] {
            let seconds: Int64
            if let value = UInt64(maxAge) {
                seconds = Int64(min(value, UInt64(Int32.max)))
            } else if !maxAge.isEmpty, maxAge.allSatisfy({ $0.isASCII && $0.isNumber }) {
                seconds = Int64(Int32.max)  // out of range saturates
            } else {
                return nil
            }
            guard let date = response.header("date").flatMap(parseHTTPDate) else { return nil }
            return date &+ seconds &* 1_000_000_000
        }
        return response.header("expires").flatMap(parseHTTPDate) ?? alreadyStale
    }

    /// Go's `http.ParseTime`: IMF-fixdate, RFC 850 and ANSI C formats.
    static func parseHTTPDate(_ text: String) -> Int64? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                return Int64(date.timeIntervalSince1970) &* 1_000_000_000
            }
        }
        return nil
    }
}

/// Responses shared between evaluations (OPA's inter-query cache), bounded
/// in entries and bytes; the oldest entries are evicted first.
final class HTTPSendSharedCache: @unchecked Sendable {
    struct Entry {
        var response: HTTPSendRawResponse
        var expiresAt: Int64
        fileprivate var order: UInt64 = 0
    }

    static let shared = HTTPSendSharedCache(maximumEntries: 1_000, maximumBytes: 64 * 1024 * 1024)

    private let lock = NSLock()
    private let maximumEntries: Int
    private let maximumBytes: Int
    private var entries: [Value: Entry] = [:]
    private var bytes = 0
    private var counter: UInt64 = 0

    init(maximumEntries: Int, maximumBytes: Int) {
        self.maximumEntries = maximumEntries
        self.maximumBytes = maximumBytes
    }

    func lookup(_ key: Value) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    func insert(_ key: Value, response: HTTPSendRawResponse, expiresAt: Int64) {
        let size = response.body.count
        guard size <= maximumBytes else { return }
        lock.lock()
        defer { lock.unlock() }
        removeLocked(key)
        counter += 1
        entries[key] = Entry(response: response, expiresAt: expiresAt, order: counter)
        bytes += size
        while entries.count > maximumEntries || bytes > maximumBytes {
            guard let oldest = entries.min(by: { $0.value.order < $1.value.order })?.key else { break }
            removeLocked(oldest)
        }
    }

    func remove(_ key: Value) {
        lock.lock()
        defer { lock.unlock() }
        removeLocked(key)
    }

    /// Forgets everything (for tests and configuration reloads).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries = [:]
        bytes = 0
    }

    private func removeLocked(_ key: Value) {
        if let old = entries.removeValue(forKey: key) { bytes -= old.response.body.count }
    }
}
