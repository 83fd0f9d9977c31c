import NIOCore
import NIOHTTP1

/// One connection's HTTP/1.1 exchange with the audit webhook: accumulates a
/// body up to the limit, then lets `AuditIntake` decide. Requests refused
/// before their body is read get their answer at once; the connection's
/// output is then closed and the rest of the body discarded unread.
final class AuditRequestHandler<Event: Sendable>: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case idle
        case receiving(ByteBuffer, keepAlive: Bool)
        /// After an early answer: bytes still tolerated before closing.
        case discarding(remaining: Int)
    }

    private static var drainTimeout: TimeAmount { .seconds(5) }

    private let intake: AuditIntake<Event>
    private let path: String
    private var state = State.idle

    init(intake: AuditIntake<Event>, path: String) {
        self.intake = intake
        self.path = path
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): begin(head, context: context)
        case .body(let part): append(part, context: context)
        case .end: finish(context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        intake.counters.update { $0.errors += 1 }
        context.close(promise: nil)
    }

    private func begin(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        if let refusal = intake.screen(head, path: path) {
            refuseEarly(refusal, context: context)
            return
        }
        let declared = head.headers["content-length"].first.flatMap { Int($0) } ?? 0
        let buffer = context.channel.allocator.buffer(capacity: min(max(declared, 0), intake.maxBodyBytes))
        state = .receiving(buffer, keepAlive: head.isKeepAlive)
    }

    private func append(_ part: ByteBuffer, context: ChannelHandlerContext) {
        switch state {
        case .receiving(var buffer, let keepAlive):
            state = .idle
            guard buffer.readableBytes + part.readableBytes <= intake.maxBodyBytes else {
                refuseEarly(intake.tooLarge(), context: context)
                return
            }
            var part = part
            buffer.writeBuffer(&part)
            state = .receiving(buffer, keepAlive: keepAlive)
        case .discarding(let remaining):
            let left = remaining - part.readableBytes
            if left <= 0 { context.close(promise: nil) } else { state = .discarding(remaining: left) }
        case .idle:
            break
        }
    }

    private func finish(context: ChannelHandlerContext) {
        switch state {
        case .receiving(let buffer, let keepAlive):
            state = .idle
            let response = intake.admit(Array(buffer.readableBytesView))
            write(response, keepAlive: keepAlive, context: context)
        case .discarding:
            context.close(promise: nil)
        case .idle:
            break
        }
    }

    /// Answers now, closes our side and stops accumulating: the client can
    /// read the answer, and whatever it still sends is dropped.
    private func refuseEarly(_ response: AuditWebhookResponse, context: ChannelHandlerContext) {
        state = .discarding(remaining: intake.maxBodyBytes)
        let channel = context.channel
        write(response, keepAlive: false, context: context, closeFully: false)
        channel.eventLoop.scheduleTask(in: Self.drainTimeout) { channel.close(promise: nil) }
    }

    private func write(_ response: AuditWebhookResponse, keepAlive: Bool, context: ChannelHandlerContext,
                       closeFully: Bool = true) {
        var body = context.channel.allocator.buffer(capacity: response.reason.utf8.count + 1)
        body.writeString(response.reason + "\n")
        var headers = HTTPHeaders([("content-type", "text/plain; charset=utf-8"), ("content-length", "\(body.readableBytes)")])
        headers.add(contentsOf: response.headers)
        if !keepAlive { headers.add(name: "connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            guard !keepAlive else { return }
            if closeFully {
                channel.close(promise: nil)
            } else {
                channel.close(mode: .output).whenFailure { _ in channel.close(promise: nil) }
            }
        }
    }
}
