/// How an `AuditWebhookServer` listens and how much it accepts.
///
/// The defaults follow Falco's k8saudit plugin: port 9765, path `/k8s-audit`,
/// request bodies up to `webhookMaxBatchSize` (12582912 bytes) and single
/// events up to `maxEventSize` (262144 bytes).
public struct AuditWebhookConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var path: String
    /// Certificate chain and key (PEM files); nil serves plain HTTP, which is
    /// only allowed on a loopback address.
    public var tls: TLSFiles?
    public var maxBodyBytes: Int
    public var maxEventBytes: Int
    /// Events held between intake and processing; a request whose events do
    /// not all fit is refused with 429.
    public var queueCapacity: Int
    /// Threads that take events off the queue and call `process`.
    public var workers: Int
    /// Event-loop threads (0: one per core).
    public var eventLoopThreads: Int

    public static let falcoPort = 9765
    public static let falcoPath = "/k8s-audit"
    public static let falcoMaxBodyBytes = 12_582_912
    public static let falcoMaxEventBytes = 262_144

    public init(host: String = "127.0.0.1", port: Int = falcoPort, path: String = falcoPath, tls: TLSFiles? = nil,
                maxBodyBytes: Int = falcoMaxBodyBytes, maxEventBytes: Int = falcoMaxEventBytes,
                queueCapacity: Int = 65_536, workers: Int = 1, eventLoopThreads: Int = 0) {
        self.host = host
        self.port = port
        self.path = path
        self.tls = tls
        self.maxBodyBytes = maxBodyBytes
        self.maxEventBytes = maxEventBytes
        self.queueCapacity = queueCapacity
        self.workers = workers
        self.eventLoopThreads = eventLoopThreads
    }
}

/// PEM files for a TLS server.
public struct TLSFiles: Sendable, Hashable {
    public var certificateChainPath: String
    public var privateKeyPath: String

    public init(certificateChainPath: String, privateKeyPath: String) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
    }
}
