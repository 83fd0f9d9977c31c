import ArgumentParser
import Detection
import DetectionIO
import Foundation
import PalisadeCore

/// `palisade detect`: Falco-compatible detection over replayed events, and
/// Falco's `-V` rules validation.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Run Falco rules over Kubernetes audit or syscall events, or validate rules files.",
        discussion: """
        --input replays a file: for k8s_audit an EventList, an Event, a JSON array of
        those, or JSON lines; for syscall a .scap capture or Palisade's JSON lines
        (docs/syscall-events.md). For k8s_audit, --listen serves Falco's webhook
        (POST /k8s-audit; HTTPS with --tls-cert/--tls-key, plain HTTP only on
        loopback) and --follow tails an audit log (JSON lines, following rotation);
        both run until SIGINT or SIGTERM.
        Alerts go to standard output, one per line (Falco's JSON or text form), and
        to --output-file, --webhook and --syslog when given;
        problems with the input go to standard error. --validate loads the files in
        order and prints each error and warning with file:line, as `falco -V` does.
        Exit status: 0 success (alerts or not; validation without errors),
        1 validation found errors, 2 unusable rules, input or options.
        """
    )

    enum Format: String, ExpressibleByArgument {
        case json, text
    }

    @Option(name: .long, parsing: .upToNextOption, help: "Rules files, loaded in order.")
    var rules: [String] = []

    @Option(name: .long, help: "Event source: k8s_audit or syscall.")
    var source: String = "k8s_audit"

    @Option(name: .long, help: "Replay events from this file.")
    var input: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Validate these rules files and exit.")
    var validate: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Alert format: json or text.")
    var output: Format = .json

    @Option(name: .long, help: "Rule matching: first (default) or all.")
    var ruleMatching: String = "first"

    @Option(name: .long, help: "Minimum rule priority (debug … emergency).")
    var minPriority: String = "debug"

    @Option(name: .long, help: "Largest input file accepted, in bytes.")
    var maxInputBytes: Int = 256 << 20

    @Option(name: .long, help: ArgumentHelp("Serve the k8s audit webhook on HOST:PORT (Falco's is :9765).", valueName: "ADDR"))
    var listen: String?

    @Option(name: .long, help: ArgumentHelp("TLS certificate chain (PEM) for --listen.", valueName: "FILE"))
    var tlsCert: String?

    @Option(name: .long, help: ArgumentHelp("TLS private key (PEM) for --listen.", valueName: "FILE"))
    var tlsKey: String?

    @Option(name: .long, help: "Threads running the rules for --listen.")
    var workers: Int = 1

    @Option(name: .long, help: ArgumentHelp("Tail this audit log (JSON lines), following rotation.", valueName: "FILE"))
    var follow: String?

    @Flag(name: .long, help: "With --follow, read the log from its beginning instead of its end.")
    var fromStart = false

    @Option(name: .long, help: ArgumentHelp("Also append alerts to FILE.", valueName: "FILE"))
    var outputFile: String?

    @Option(name: .long, help: ArgumentHelp("Also POST alerts (JSON) to URL, with a bounded queue and retries.", valueName: "URL"))
    var webhook: String?

    @Option(name: .long, help: ArgumentHelp("Also send alerts to syslog: a socket path such as /dev/log, or udp://HOST:PORT.", valueName: "DEST"))
    var syslog: String?

    @Option(name: .long, help: "Alerts per second allowed through the outputs (0: unlimited).")
    var rate: Double = 0

    @Option(name: .long, help: "Burst of alerts allowed above --rate.")
    var maxBurst: Double = 1000

    static let unusable = ExitCode(2)

    func run() throws {
        if !validate.isEmpty { throw validateFiles() }
        let ruleSet = try loadRules()
        let engine = DetectionEngine(rules: ruleSet, options: try detectionOptions())
        let renderer = AlertRenderer(options: engine.options.format)
        let json = output == .json
        let render: @Sendable (Alert) -> String = { json ? renderer.json($0) : renderer.text($0) }
        let outputs: AlertOutputs, webhookSink: HTTPWebhookSink?
        do { (outputs, webhookSink) = try makeOutputs() } catch { fail("\(error)") }
        if listen != nil || follow != nil {
            guard source == "k8s_audit", input == nil else { fail("--listen and --follow take k8s_audit events and exclude --input") }
            do { try runLive(engine: engine, render: render, outputs: outputs, webhook: webhookSink) } catch { fail("\(error)") }
            return
        }
        for event in try readEvents() {
            for alert in engine.process(event) { outputs.emit(alert, line: render(alert)) }
        }
        closeOutputs(outputs, webhook: webhookSink)
    }

    func detectionOptions() throws -> DetectionOptions {
        var options = DetectionOptions()
        guard let matching = DetectionOptions.RuleMatching(rawValue: ruleMatching) else {
            fail("--rule-matching must be first or all")
        }
        guard let priority = AlertPriority(parsing: minPriority) else { fail("invalid --min-priority \(minPriority)") }
        guard ["k8s_audit", "syscall"].contains(source) else { fail("--source must be k8s_audit or syscall") }
        options.ruleMatching = matching
        options.minimumPriority = priority
        options.enabledSources = [source]
        return options
    }

    func validateFiles() -> ExitCode {
        var loader = RulesLoader()
        for file in validate {
            let ok = loader.load(read(file, limit: loader.options.maxFileSize), file: file)
            if ok { _ = loader.compile() }
        }
        for diagnostic in loader.diagnostics { print(diagnostic.description) }
        let errors = loader.diagnostics.filter { $0.severity == .error }.count
        print("\(validate.count) file(s): \(errors) error(s), \(loader.diagnostics.count - errors) warning(s)")
        return errors == 0 ? .success : ExitCode(1)
    }

    func loadRules() throws -> RuleSet {
        guard !rules.isEmpty else { fail("--rules FILE… is required") }
        let files = rules.map { (text: read($0, limit: RulesLoaderOptions().maxFileSize), file: $0) }
        let (ruleSet, diagnostics) = RulesLoader.load(files: files)
        for diagnostic in diagnostics { warn(diagnostic.description) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw Self.unusable }
        return ruleSet
    }

    func readEvents() throws -> [any FieldSource] {
        guard let input else { fail("one of --input FILE, --listen ADDR or --follow FILE is required") }
        switch source {
        case "k8s_audit":
            let bytes = Array(read(input, limit: maxInputBytes).utf8)
            let result: (events: [AuditEvent], errors: [AuditDecodeError])
            do { result = try AuditEventDecoder.decodeReporting(bytes, maxBytes: maxInputBytes) } catch { fail("\(input): \(error)") }
            for error in result.errors { warn("\(input): \(error)") }
            return result.events
        default:
            do { return try SyscallReplay.load(path: input) } catch { fail("\(input): \(error)") }
        }
    }

    func read(_ path: String, limit: Int) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber else { fail("\(path): cannot read file") }
        guard size.intValue <= limit else { fail("\(path): larger than \(limit) bytes") }
        guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read file") }
        return String(decoding: data, as: UTF8.self)
    }

    func warn(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    func fail(_ message: String) -> Never {
        warn("palisade detect: \(message)")
        Self.exit(withError: Self.unusable)
    }
}
