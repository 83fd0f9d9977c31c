import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The Kubernetes audit webhook (Falco's k8saudit `POST /k8s-audit`): an
/// HTTP/1.1 server that decodes each request into events, queues all of them
/// or refuses the request with 429, and hands queued events to `process` on
/// worker threads. Every event of a 200 response is processed exactly once
/// before `shutdown()` returns.
///
/// The server does not know the event type; callers pass the decoder (for
/// example the Detection module's audit decoder) and the processing step.
public final class AuditWebhookServer<Event: Sendable>: @unchecked Sendable {
    public let configuration: AuditWebhookConfiguration
    private let queue: BoundedEventQueue<Event>
    private let counters = AuditWebhookCounters()
    private let intake: AuditIntake<Event>
    private let process: @Sendable (Event) -> Void
    private let lock = NSLock()
    private var running: Running?

    private struct Running {
        var group: MultiThreadedEventLoopGroup
        var channel: any Channel
        var workersDone: DispatchGroup
    }

    public init(configuration: AuditWebhookConfiguration,
                decode: @escaping @Sendable ([UInt8]) throws -> [Event],
                process: @escaping @Sendable (Event) -> Void) {
        self.configuration = configuration
        self.queue = BoundedEventQueue(capacity: configuration.queueCapacity)
        self.intake = AuditIntake(maxBodyBytes: configuration.maxBodyBytes, queue: queue, counters: counters, decode: decode)
        self.process = process
    }

    /// Binds and starts the workers; returns the bound port (useful with port 0).
    @discardableResult
    public func start() throws -> Int {
        try validate()
        let sslContext = try configuration.tls.map(Self.makeSSLContext)
        let threads = configuration.eventLoopThreads > 0 ? configuration.eventLoopThreads : System.coreCount
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let channel: any Channel
        do {
            channel = try makeBootstrap(group: group, sslContext: sslContext)
                .bind(host: configuration.host, port: configuration.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        let workersDone = startWorkers()
        lock.lock()
        running = Running(group: group, channel: channel, workersDone: workersDone)
        lock.unlock()
        return channel.localAddress?.port ?? configuration.port
    }

    /// Stops accepting connections, processes every queued event, then stops the workers.
    public func shutdown() {
        lock.lock()
        let current = running
        running = nil
        lock.unlock()
        guard let current else { return }
        try? current.channel.close().wait()
        try? current.group.syncShutdownGracefully()
        queue.close()
        current.workersDone.wait()
    }

    public var statistics: AuditWebhookStatistics { counters.snapshot }

    /// Waits until every accepted event has been processed; false on timeout.
    public func waitUntilDrained(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if counters.snapshot.pendingEvents == 0 { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return counters.snapshot.pendingEvents == 0
    }

    private func validate() throws {
        if configuration.tls == nil, !LoopbackAddress.isLoopback(configuration.host) {
            throw AuditWebhookError.plainHTTPOnNonLoopback(host: configuration.host)
        }
        guard configuration.path.hasPrefix("/") else {
            throw AuditWebhookError.invalidConfiguration("path must start with /: \(configuration.path)")
        }
        guard configuration.maxBodyBytes > 0, configuration.queueCapacity > 0, configuration.workers > 0 else {
            throw AuditWebhookError.invalidConfiguration("body limit, queue capacity and workers must be positive")
        }
    }

    private func makeBootstrap(group: MultiThreadedEventLoopGroup, sslContext: NIOSSLContext?) -> ServerBootstrap {
        let intake = self.intake
        let path = configuration.path
        return ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let sslContext { try pipeline.addHandler(NIOSSLServerHandler(context: sslContext)) }
                    try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                    try pipeline.addHandler(AuditRequestHandler(intake: intake, path: path))
                }
            }
    }

    private func startWorkers() -> DispatchGroup {
        let done = DispatchGroup()
        let queue = self.queue
        let counters = self.counters
        let process = self.process
        for index in 0..<configuration.workers {
            done.enter()
            let thread = Thread {
                while let batch = queue.dequeue(limit: 512) {
                    for event in batch { process(event) }
                    counters.update { $0.processedEvents += batch.count }
                }
                done.leave()
            }
            thread.name = "audit-webhook-worker-\(index)"
            thread.start()
        }
        return done
    }

    private static func makeSSLContext(_ files: TLSFiles) throws -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(files.certificateChainPath)
            guard !chain.isEmpty else { throw AuditWebhookError.tls("no certificate in \(files.certificateChainPath)") }
            let key = try NIOSSLPrivateKey(file: files.privateKeyPath, format: .pem)
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                               privateKey: .privateKey(key))
            return try NIOSSLContext(configuration: tls)
        } catch let error as AuditWebhookError {
            throw error
        } catch {
            throw AuditWebhookError.tls("cannot load \(files.certificateChainPath) / \(files.privateKeyPath): \(error)")
        }
    }
}
