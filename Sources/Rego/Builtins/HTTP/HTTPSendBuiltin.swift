import PalisadeCore

/// `http.send(request)`: performs an HTTP request and returns the response
/// object. Errors are raised unless `raise_error` is false, in which case
/// they come back as `{"status_code": 0, "error": {"code", "message"}}`.
enum HTTPSendBuiltin {
    static let builtin = Builtin(HTTPSendFailure.builtinName, arity: 1, nondeterministic: true) { args, context in
        try send(args, context)
    }

    static func send(_ args: BuiltinArgs, _ context: BuiltinContext) throws -> Value? {
        let request = try args.object(0)
        let raiseError = try HTTPSendRequestKeys.raiseError(request)
        do throws(HTTPSendFailure) {
            try HTTPSendRequestKeys.validate(request)
            return try HTTPSendExchange(request: request, context: context).run()
        } catch {
            if raiseError { throw error.raisedError }
            return error.errorResponse
        }
    }
}

/// One `http.send` call: the caches first, then the network, following the
/// order of OPA's intra- and inter-query cache executors.
struct HTTPSendExchange {
    let request: [Value: Value]
    let context: BuiltinContext

    func run() throws(HTTPSendFailure) -> Value {
        let key = try cacheKey()
        let policy: HTTPSendCachePolicy
        do { policy = try HTTPSendCachePolicy(request) } catch { throw error.wrapped }
        let queryCache = HTTPSendQueryCache.of(context)
        if let hit = queryCache.lookup(.object(key)) { return try hit.get() }
        return policy.usesSharedCache
            ? try runShared(key: key, policy: policy, queryCache: queryCache)
            : try runUncached(key: key, queryCache: queryCache)
    }

    private func runUncached(key: [Value: Value], queryCache: HTTPSendQueryCache) throws(HTTPSendFailure) -> Value {
        let response = try fetch(key: key, queryCache: queryCache)
        let decoding: HTTPSendResponse.Decoding
        do { decoding = try HTTPSendResponse.Decoding(key) } catch { throw error.wrapped }
        let value = HTTPSendResponse.value(response, decoding)
        if HTTPSendCachePolicy.cacheableStatusCodes.contains(response.statusCode) {
            queryCache.store(.object(key), .success(value))
        }
        return value
    }

    private func runShared(key: [Value: Value], policy: HTTPSendCachePolicy,
                           queryCache: HTTPSendQueryCache) throws(HTTPSendFailure) -> Value {
        let decoding: HTTPSendResponse.Decoding
        do { decoding = try HTTPSendResponse.Decoding(key) } catch { throw error.wrapped }
        do throws(HTTPSendFailure) {
            if let cached = try sharedLookup(key: key, policy: policy, decoding: decoding) {
                queryCache.store(.object(key), .success(cached))
                return cached
            }
        } catch {
            queryCache.store(.object(key), .failure(error))
            throw error
        }
        let response = try fetch(key: key, queryCache: queryCache)
        let value = HTTPSendResponse.value(response, decoding)
        queryCache.store(.object(key), .success(value))
        if let expiresAt = policy.expiry(of: response, now: context.nowNanoseconds) {
            HTTPSendSharedCache.shared.insert(.object(key), response: response, expiresAt: expiresAt)
        }
        return value
    }

    /// A fresh shared entry, or a stale one the server confirms (304); nil
    /// when the request has to go out normally.
    private func sharedLookup(key: [Value: Value], policy: HTTPSendCachePolicy,
                              decoding: HTTPSendResponse.Decoding) throws(HTTPSendFailure) -> Value? {
        let cache = HTTPSendSharedCache.shared
        guard let entry = cache.lookup(.object(key)) else { return nil }
        let now = context.nowNanoseconds
        if now < entry.expiresAt { return HTTPSendResponse.value(entry.response, decoding) }

        var conditions: [String: String] = [:]
        if let etag = entry.response.header("etag"), !etag.isEmpty { conditions["If-None-Match"] = etag }
        if let modified = entry.response.header("last-modified"), !modified.isEmpty {
            conditions["If-Modified-Since"] = modified
        }
        guard !conditions.isEmpty else {
            cache.remove(.object(key))
            return nil
        }
        let wire: HTTPSendWireRequest
        do { wire = try HTTPSendWireRequest(key) } catch { throw error.wrapped }
        let retries = try HTTPSendRequestKeys.count(key, "max_retry_attempts")
        let response = try HTTPSendTransport.perform(wire, retries: retries, extraHeaders: conditions)
        cache.remove(.object(key))
        switch response.statusCode {
        case 200:
            if let expiresAt = policy.expiry(of: response, now: now) {
                cache.insert(.object(key), response: response, expiresAt: expiresAt)
            }
            return HTTPSendResponse.value(response, decoding)
        case 304:
            var refreshed = entry.response
            for (name, values) in response.headers { refreshed.headers[name] = values }
            let expiresAt = policy.isForced
                ? now &+ (policy.forcedSeconds ?? 0) &* 1_000_000_000
                : HTTPSendCacheHeaders.expiry(response, directives: HTTPSendCacheHeaders.cacheControl(response))
                    ?? HTTPSendCacheHeaders.alreadyStale
            cache.insert(.object(key), response: refreshed, expiresAt: expiresAt)
            return HTTPSendResponse.value(refreshed, decoding)
        default:
            return nil
        }
    }

    /// Sends the request; a failure is remembered for the rest of the evaluation.
    private func fetch(key: [Value: Value], queryCache: HTTPSendQueryCache) throws(HTTPSendFailure) -> HTTPSendRawResponse {
        do throws(HTTPSendFailure) {
            let wire: HTTPSendWireRequest
            do { wire = try HTTPSendWireRequest(request) } catch { throw error.wrapped }
            let retries = try HTTPSendRequestKeys.count(request, "max_retry_attempts")
            return try HTTPSendTransport.perform(wire, retries: retries)
        } catch {
            queryCache.store(.object(key), .failure(error))
            throw error
        }
    }

    /// The request with `cache_ignored_headers` applied and then cleared, so
    /// requests differing only in ignored headers share cache entries.
    private func cacheKey() throws(HTTPSendFailure) -> [Value: Value] {
        var key = request
        key[.string("cache_ignored_headers")] = .null
        guard let ignored = request[httpField: "cache_ignored_headers"],
              let headers = request[httpField: "headers"] else { return key }
        let names = try Self.goStrings(ignored)
        guard case .object(var fields) = headers else {
            throw .plain("json: cannot unmarshal \(Self.goJSONType(headers)) into Go value of type map[string]interface {}")
        }
        for name in names { fields[.string(name)] = nil }
        key[.string("headers")] = .object(fields)
        return key
    }

    /// `ast.As(value, &[]string)`.
    private static func goStrings(_ value: Value) throws(HTTPSendFailure) -> [String] {
        if case .null = value { return [] }
        guard let items = value.elements else {
            throw .plain("json: cannot unmarshal \(goJSONType(value)) into Go value of type []string")
        }
        var names: [String] = []
        for item in items {
            guard case .string(let name) = item else {
                throw .plain("json: cannot unmarshal \(goJSONType(item)) into Go value of type string")
            }
            names.append(name)
        }
        return names
    }

    private static func goJSONType(_ value: Value) -> String {
        switch value {
        case .bool: return "bool"
        case .set: return "array"
        default: return value.typeName
        }
    }
}
