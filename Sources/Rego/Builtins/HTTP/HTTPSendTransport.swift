import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response as received, before OPA's formatting.
struct HTTPSendRawResponse: Sendable {
    var statusCode: Int
    /// Lower-case header names with their values.
    var headers: [String: [String]]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers[name.lowercased()]?.first }
}

/// Runs one request synchronously over URLSession, with the limits OPA's Go
/// client has (timeout, redirect policy) plus a response-size ceiling.
enum HTTPSendTransport {
    static let maximumBodyBytes = 16 * 1024 * 1024
    static let maximumRedirects = 10
    /// `max_retry_attempts` beyond this is clamped so a policy cannot stall for hours.
    static let maximumRetries = 10

    /// Sends `request`, retrying transport failures as Go's `executeHTTPRequest`
    /// does (exponential backoff from 100 ms, capped at 60 s).
    static func perform(_ request: HTTPSendWireRequest, retries: Int,
                        extraHeaders: [String: String] = [:]) throws(HTTPSendFailure) -> HTTPSendRawResponse {
        let attempts = min(max(retries, 0), maximumRetries)
        var attempt = 0
        while true {
            do {
                return try performOnce(request, extraHeaders: extraHeaders)
            } catch {
                guard case .network = error, attempt < attempts else { throw error }
                attempt += 1
                Thread.sleep(forTimeInterval: backoffSeconds(afterFailure: attempt - 1))
            }
        }
    }

    /// Go's `util.DefaultBackoff(100ms, 60s, retries)`: no wait after the first failure.
    static func backoffSeconds(afterFailure retries: Int) -> Double {
        guard retries > 0 else { return 0 }
        var delay = 0.1
        var remaining = retries
        while delay < 60, remaining > 0 {
            delay *= 2
            remaining -= 1
        }
        return min(delay, 60) * (1 + 0.2 * (Double.random(in: 0..<1) * 2 - 1))
    }

    private static func performOnce(_ request: HTTPSendWireRequest,
                                     extraHeaders: [String: String]) throws(HTTPSendFailure) -> HTTPSendRawResponse {
        let url = request.url
        func networkFailure(_ detail: String) -> HTTPSendFailure {
            .network(HTTPSendNetworkFailure(method: request.method, url: request.urlText, detail: detail))
        }
        guard url.scheme == "http" || url.scheme == "https" else {
            throw networkFailure("unsupported protocol scheme \(HTTPGoText.quote(url.scheme))")
        }
        guard !url.host.isEmpty else { throw networkFailure("http: no Host in request URL") }
        if request.method == "GET" && !request.body.isEmpty {
            // URLSession refuses GET requests with a body (NSURLErrorDataLengthExceedsMaximum).
            throw HTTPSendFailure.plain("a request body cannot be sent with method GET by the platform HTTP "
                + "client (FoundationNetworking); use POST or omit the body").wrapped
        }
        guard let target = foundationURL(url) else {
            throw .plain("parse \(HTTPGoText.quote(request.urlText)): invalid URL")
        }

        var urlRequest = URLRequest(url: target)
        urlRequest.httpMethod = request.method
        let headers = request.headers + extraHeaders.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        for (name, value) in headers {
            // Go refuses these before anything is sent; they would also allow header injection.
            guard !name.isEmpty, name.utf8.allSatisfy(HTTPGoText.isTokenByte) else {
                throw networkFailure("net/http: invalid header field name \(HTTPGoText.quote(name))")
            }
            guard value.unicodeScalars.allSatisfy({ $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F) }) else {
                throw networkFailure("net/http: invalid header field value for \(HTTPGoText.quote(name))")
            }
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if urlRequest.value(forHTTPHeaderField: "Authorization") == nil, let basic = url.basicAuthorization {
            urlRequest.setValue(basic, forHTTPHeaderField: "Authorization")
        }
        if urlRequest.value(forHTTPHeaderField: "User-Agent") == nil {
            urlRequest.setValue(HTTPSendWireRequest.userAgent, forHTTPHeaderField: "User-Agent")
        }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }

        let timeout = Double(request.effectiveTimeoutNanoseconds) / 1e9
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout + 1
        configuration.timeoutIntervalForResource = timeout + 1
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false

        let transfer = HTTPSendTransfer(request: request, maximumBytes: maximumBodyBytes)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: queue)
        let task = session.dataTask(with: urlRequest)
        task.resume()
        let deadline = DispatchTime.now() + .nanoseconds(Int(request.effectiveTimeoutNanoseconds))
        if transfer.finished.wait(timeout: deadline) == .timedOut {
            task.cancel()
            session.invalidateAndCancel()
            throw .network(HTTPSendNetworkFailure(
                method: request.method, url: request.urlText,
                detail: "context deadline exceeded (Client.Timeout exceeded while awaiting headers)", timedOut: true))
        }
        session.finishTasksAndInvalidate()
        return try transfer.outcome.get()
    }

    /// The URL Foundation will accept: Go's escaped path, and the raw query
    /// with only characters URLs cannot carry percent-encoded.
    private static func foundationURL(_ url: HTTPGoURL) -> URL? {
        var text = url.scheme + "://" + url.host + url.escapedPath
        if !url.rawQuery.isEmpty {
            text += "?" + (url.rawQuery.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? url.rawQuery)
        }
        return URL(string: text)
    }

    private static let queryAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.insert("%")
        return set
    }()
}

/// URLSession delegate collecting one response under the size limit.
private final class HTTPSendTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private let method: String
    private let followRedirects: Bool
    private let maximumBytes: Int
    private var currentURL: String
    private var redirects = 0
    private var statusCode = 0
    private var headers: [String: [String]] = [:]
    private var body: [UInt8] = []
    private var failure: HTTPSendFailure?

    init(request: HTTPSendWireRequest, maximumBytes: Int) {
        method = request.method
        followRedirects = request.followRedirects
        currentURL = request.urlText
        self.maximumBytes = maximumBytes
    }

    var outcome: Result<HTTPSendRawResponse, HTTPSendFailure> {
        lock.lock()
        defer { lock.unlock() }
        if let failure { return .failure(failure) }
        return .success(HTTPSendRawResponse(statusCode: statusCode, headers: headers, body: body))
    }

    private func fail(_ failure: HTTPSendFailure) {
        lock.lock()
        if self.failure == nil { self.failure = failure }
        lock.unlock()
    }

    private func networkFailure(_ detail: String) -> HTTPSendFailure {
        .network(HTTPSendNetworkFailure(method: method, url: currentURL, detail: detail))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask,
                    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                    completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        guard followRedirects else {
            completionHandler(nil)  // Go's ErrUseLastResponse: the 3xx response is the result
            return
        }
        lock.lock()
        redirects += 1
        let count = redirects
        if let next = request.url?.absoluteString { currentURL = next }
        lock.unlock()
        let scheme = request.url?.scheme?.lowercased() ?? ""
        if count > HTTPSendTransport.maximumRedirects {
            fail(networkFailure("stopped after \(HTTPSendTransport.maximumRedirects) redirects"))
        } else if scheme != "http" && scheme != "https" {
            fail(networkFailure("unsupported protocol scheme \(HTTPGoText.quote(scheme))"))
        } else {
            completionHandler(request)
            return
        }
        completionHandler(nil)
        task.cancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            fail(.plain("unexpected non-HTTP response"))
            completionHandler(.cancel)
            return
        }
        var collected: [String: [String]] = [:]
        for (name, value) in http.allHeaderFields {
            guard let name = name as? String else { continue }
            collected[name.lowercased(), default: []].append("\(value)")
        }
        lock.lock()
        statusCode = http.statusCode
        headers = collected
        body = []
        lock.unlock()
        if method != "HEAD", http.expectedContentLength > Int64(maximumBytes) {
            fail(tooLarge)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        let overflow = body.count + data.count > maximumBytes
        if !overflow { body.append(contentsOf: data) }
        lock.unlock()
        if overflow {
            fail(tooLarge)
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error { fail(map(error)) }
        finished.signal()
    }

    private var tooLarge: HTTPSendFailure {
        HTTPSendFailure.plain("response body exceeds the \(maximumBytes)-byte limit").wrapped
    }

    /// Transport errors worded as Go's net/http reports them, where there is an equivalent.
    private func map(_ error: Error) -> HTTPSendFailure {
        guard let urlError = error as? URLError else { return networkFailure(error.localizedDescription) }
        let parsed = (try? HTTPGoURL.parse(currentURL).get()) ?? HTTPGoURL()
        switch urlError.code {
        case .timedOut:
            return .network(HTTPSendNetworkFailure(
                method: method, url: currentURL,
                detail: "context deadline exceeded (Client.Timeout exceeded while awaiting headers)", timedOut: true))
        case .cannotConnectToHost:
            return networkFailure("dial tcp \(Self.dialAddress(parsed)): connect: connection refused")
        case .cannotFindHost, .dnsLookupFailed:
            return networkFailure("dial tcp: lookup \(parsed.hostname): no such host")
        case .networkConnectionLost:
            return networkFailure("EOF")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid:
            return networkFailure("tls: failed to verify certificate: \(urlError.localizedDescription)")
        default:
            return networkFailure(urlError.localizedDescription)
        }
    }

    private static func dialAddress(_ url: HTTPGoURL) -> String {
        let port = url.port ?? (url.scheme == "https" ? "443" : "80")
        let host = url.hostname.contains(":") ? "[\(url.hostname)]" : url.hostname
        return host + ":" + port
    }
}
