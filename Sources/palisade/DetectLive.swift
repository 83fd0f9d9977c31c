import Detection
import DetectionIO
import Foundation
import PalisadeCore

/// The long-running side of `palisade detect`: the k8s audit webhook
/// (`--listen`), audit-log tailing (`--follow`) and the alert outputs.
extension DetectCommand {
    /// Standard output plus every output named on the command line, behind
    /// one rate limiter (`--rate`/`--max-burst`, Falco's outputs.rate and
    /// outputs.max_burst).
    func makeOutputs() throws -> (outputs: AlertOutputs, webhook: HTTPWebhookSink?) {
        var sinks: [any AlertSink] = [StdoutSink()]
        if let outputFile { sinks.append(try FileSink(path: outputFile)) }
        let webhookSink = webhook.map { HTTPWebhookSink(configuration: .init(url: $0)) }
        if let webhookSink { sinks.append(webhookSink) }
        if let syslog { sinks.append(try SyslogSink(destination: try syslogDestination(syslog))) }
        let limiter = rate > 0 ? RateLimiter(rate: rate, maxBurst: maxBurst) : nil
        return (AlertOutputs(sinks: sinks, rateLimiter: limiter), webhookSink)
    }

    /// Closes the outputs; alerts still queued for the HTTP webhook are
    /// delivered (or given up after their retries) before the command exits.
    func closeOutputs(_ outputs: AlertOutputs, webhook: HTTPWebhookSink?) {
        if let webhook {
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                await webhook.drain()
                done.signal()
            }
            done.wait()
        }
        outputs.close()
    }

    /// `/dev/log` (or any unix datagram socket path) or `udp://HOST:PORT`.
    func syslogDestination(_ text: String) throws -> SyslogSink.Destination {
        guard text.hasPrefix("udp://") else { return .unixDatagram(path: text) }
        let address = try ListenAddress(parsing: String(text.dropFirst("udp://".count)))
        return .udp(host: address.host, port: address.port)
    }

    /// Serves and/or tails until SIGINT or SIGTERM, then drains what was
    /// accepted, closes the outputs and prints the counters to standard error.
    func runLive(engine: DetectionEngine, render: @escaping @Sendable (Alert) -> String, outputs: AlertOutputs,
                 webhook webhookSink: HTTPWebhookSink?) throws {
        let process: @Sendable (AuditEvent) -> Void = { event in
            for alert in engine.process(event) { outputs.emit(alert, line: render(alert)) }
        }
        var server: AuditWebhookServer<AuditEvent>?
        if let listen {
            let address = try ListenAddress(parsing: listen)
            let tls = try tlsFiles()
            let configuration = AuditWebhookConfiguration(host: address.host, port: address.port, tls: tls, workers: workers)
            let webhook = AuditWebhookServer<AuditEvent>(
                configuration: configuration,
                decode: { try AuditEventDecoder.decode($0, maxBytes: AuditWebhookConfiguration.falcoMaxBodyBytes) },
                process: process)
            let port = try webhook.start()
            warn("palisade detect: listening on \(tls == nil ? "http" : "https")://\(address.host):\(port)\(configuration.path)")
            server = webhook
        }
        var tailer: AuditLogTailer?
        if let follow {
            let maxBytes = AuditEventDecoder.maxEventSize
            let followed = AuditLogTailer(path: follow, options: .init(startAtBeginning: fromStart)) { line in
                guard let result = try? AuditEventDecoder.decodeReporting(line, maxBytes: maxBytes) else { return }
                result.events.forEach(process)
            }
            followed.start()
            warn("palisade detect: following \(follow)")
            tailer = followed
        }
        waitForTerminationSignal()
        tailer?.stop()
        if let server {
            server.shutdown()
            let stats = server.statistics
            warn("palisade detect: \(stats.acceptedEvents) events accepted, \(stats.processedEvents) processed")
        }
        closeOutputs(outputs, webhook: webhookSink)
    }

    func tlsFiles() throws -> TLSFiles? {
        switch (tlsCert, tlsKey) {
        case (nil, nil): return nil
        case (let cert?, let key?): return TLSFiles(certificateChainPath: cert, privateKeyPath: key)
        default: fail("--tls-cert and --tls-key go together")
        }
    }

    private func waitForTerminationSignal() {
        let done = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        sources.forEach { $0.cancel() }
    }
}

/// `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (loopback).
struct ListenAddress {
    var host: String
    var port: Int

    init(parsing text: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65_535).contains(port) else {
            throw DetectUsageError(message: "'\(text)' is not HOST:PORT")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host.isEmpty ? "127.0.0.1" : host
        self.port = port
    }
}

struct DetectUsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
