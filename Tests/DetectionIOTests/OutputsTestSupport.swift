import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import PalisadeCore

enum OutputsTestSupport {
    static func alert(priority: AlertPriority = .critical, rule: String = "Create Privileged Pod") -> Alert {
        Alert(time: Timestamp(seconds: 1_700_000_000), rule: rule, priority: priority, source: "k8s_audit",
              output: "Pod started with privileged container (user=admin pod=p ns=default)")
    }
}

/// A local HTTP receiver answering with scripted statuses (the last one
/// repeats), recording each request body and its arrival time.
final class OutputsScriptedReceiver: @unchecked Sendable {
    struct Received {
        var body: String
        var time: TimeInterval
    }

    private let lock = NSLock()
    private var script: [Int]
    private var received: [Received] = []
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?

    init(statuses: [Int]) {
        script = statuses
    }

    func start() throws -> Int {
        let receiver = self
        let channel = try ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ReceiverHandler(receiver: receiver))
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        self.channel = channel
        return channel.localAddress?.port ?? 0
    }

    func stop() {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    var requests: [Received] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    fileprivate func record(_ body: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        received.append(Received(body: body, time: ProcessInfo.processInfo.systemUptime))
        return script.count > 1 ? script.removeFirst() : (script.first ?? 200)
    }
}

private final class ReceiverHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    private let receiver: OutputsScriptedReceiver
    private var body = ""

    init(receiver: OutputsScriptedReceiver) {
        self.receiver = receiver
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: body = ""
        case .body(let buffer): body += String(buffer: buffer)
        case .end:
            let status = receiver.record(body)
            let headers = HTTPHeaders([("content-length", "0")])
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1,
                                                                  status: HTTPResponseStatus(statusCode: status),
                                                                  headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
