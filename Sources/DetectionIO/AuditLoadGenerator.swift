import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A closed-loop HTTP/1.1 load generator for the audit webhook: each of
/// `connections` keep-alive connections POSTs the next body as soon as the
/// previous answer arrived, until the duration is over. Used by the
/// benchmark and the load tests; plain HTTP (loopback) only.
public struct AuditLoadGenerator: Sendable {
    public var host: String
    public var port: Int
    public var path: String
    public var connections: Int
    public var duration: TimeInterval
    /// Request bodies, sent round-robin (each with its number of events).
    public var bodies: [(bytes: [UInt8], events: Int)]

    public init(host: String = "127.0.0.1", port: Int, path: String = AuditWebhookConfiguration.falcoPath,
                connections: Int, duration: TimeInterval, bodies: [(bytes: [UInt8], events: Int)]) {
        self.host = host
        self.port = port
        self.path = path
        self.connections = connections
        self.duration = duration
        self.bodies = bodies
    }

    public struct Result: Sendable {
        /// Answers by HTTP status code.
        public var statusCounts: [Int: Int] = [:]
        /// Events in requests answered 200 / 429.
        public var acceptedEvents = 0
        public var shedEvents = 0
        public var sentEvents = 0
        public var connectionErrors = 0
        public var elapsed: TimeInterval = 0
        /// Request latencies in seconds, sorted.
        public var latencies: [Double] = []

        public var requests: Int { statusCounts.values.reduce(0, +) }

        public func latencyPercentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let index = min(latencies.count - 1, max(0, Int((Double(latencies.count) * fraction).rounded(.up)) - 1))
            return latencies[index]
        }

        mutating func merge(_ other: Result) {
            for (code, count) in other.statusCounts { statusCounts[code, default: 0] += count }
            acceptedEvents += other.acceptedEvents
            shedEvents += other.shedEvents
            sentEvents += other.sentEvents
            connectionErrors += other.connectionErrors
            latencies += other.latencies
        }
    }

    /// Runs the load; blocks the calling thread (not an event loop).
    public func run(threads: Int = 1) throws -> Result {
        precondition(!bodies.isEmpty, "AuditLoadGenerator needs at least one body")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        defer { try? group.syncShutdownGracefully() }
        let collector = LoadCollector()
        let start = NIODeadline.now()
        let end = start + .nanoseconds(Int64(duration * 1_000_000_000))
        var finished: [EventLoopFuture<Void>] = []
        for index in 0..<max(1, connections) {
            let loop = group.next()
            let promise = loop.makePromise(of: Void.self)
            let plan = LoadPlan(host: host, path: path, bodies: bodies, firstBody: index % bodies.count, end: end)
            let bootstrap = ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(
                            LoadConnectionHandler(plan: plan, collector: collector, done: promise))
                    }
                }
            bootstrap.connect(host: host, port: port).whenFailure { _ in
                collector.add(Result(connectionErrors: 1))
                promise.succeed(())
            }
            finished.append(promise.futureResult)
        }
        for future in finished { try? future.wait() }
        var result = collector.result
        result.elapsed = Double((NIODeadline.now() - start).nanoseconds) / 1e9
        result.latencies.sort()
        return result
    }
}

struct LoadPlan: Sendable {
    var host: String
    var path: String
    var bodies: [(bytes: [UInt8], events: Int)]
    var firstBody: Int
    var end: NIODeadline
}

final class LoadCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var total = AuditLoadGenerator.Result()

    func add(_ part: AuditLoadGenerator.Result) {
        lock.lock()
        total.merge(part)
        lock.unlock()
    }

    var result: AuditLoadGenerator.Result {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}

/// One connection of the load generator.
final class LoadConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let plan: LoadPlan
    private let collector: LoadCollector
    private let done: EventLoopPromise<Void>
    private var next: Int
    private var sentAt = NIODeadline.now()
    private var inFlightEvents = 0
    private var status = 0
    private var local = AuditLoadGenerator.Result()
    private var closed = false

    init(plan: LoadPlan, collector: LoadCollector, done: EventLoopPromise<Void>) {
        self.plan = plan
        self.collector = collector
        self.done = done
        self.next = plan.firstBody
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body:
            break
        case .end:
            local.statusCounts[status, default: 0] += 1
            local.latencies.append(Double((NIODeadline.now() - sentAt).nanoseconds) / 1e9)
            if status == 200 { local.acceptedEvents += inFlightEvents }
            if status == 429 { local.shedEvents += inFlightEvents }
            if NIODeadline.now() < plan.end {
                send(context: context)
            } else {
                context.close(promise: nil)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        local.connectionErrors += 1
        context.close(promise: nil)
    }

    private func finish() {
        guard !closed else { return }
        closed = true
        collector.add(local)
        done.succeed(())
    }

    private func send(context: ChannelHandlerContext) {
        let body = plan.bodies[next % plan.bodies.count]
        next += 1
        var headers = HTTPHeaders()
        headers.add(name: "host", value: plan.host)
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "content-length", value: String(body.bytes.count))
        var buffer = context.channel.allocator.buffer(capacity: body.bytes.count)
        buffer.writeBytes(body.bytes)
        inFlightEvents = body.events
        local.sentEvents += body.events
        sentAt = .now()
        context.write(wrapOutboundOut(.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: plan.path, headers: headers))),
                      promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
