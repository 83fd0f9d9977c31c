import ArgumentParser
import Foundation
import Kube
import PalisadeCore
import Posture

/// `palisade scan`: posture scan of manifests with the built-in control
/// library, user controls, Pod Security Standards checks, exceptions and scores.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Posture scan of Kubernetes manifests against the control library (docs/controls.md).",
        discussion: """
        Reads files, directories (recursively: .yaml, .yml, .json) or - for stdin:
        multi-document YAML, JSON, List kinds, Helm and kustomize output. Documents
        that are not Kubernetes objects are skipped with a notice; a broken file is
        reported with file:line and the rest is scanned. With --cluster it reads
        every listable resource type of a live cluster (GET only; Secret values are
        dropped on read; types the credentials may not list are reported as notices).

        Exit status:
          0  no threshold breached
          1  a threshold is breached: with --fail-threshold, non-compliance
             (100 - overall score) above PCT; with --severity-threshold, a failed
             finding at or above SEV; with neither, any failed finding
          2  unusable input or options: bad options, invalid controls, exceptions
             or control config, an input that could not be read or parsed, or a
             control that failed to evaluate (the report is still written)
        """
    )

    @Argument(help: "Manifest files or directories; - reads standard input.")
    var paths: [String] = []

    @Flag(name: .long, help: "Scan the live cluster (read-only) instead of, or besides, manifests.")
    var cluster = false

    @Option(name: .long, help: ArgumentHelp("Kubeconfig file for --cluster (default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account).", valueName: "FILE"))
    var kubeconfig: String?

    @Option(name: .long, help: ArgumentHelp("Kubeconfig context for --cluster (default: the current context).", valueName: "NAME"))
    var context: String?

    @Option(name: .long, help: ArgumentHelp("Timeout of each API request of --cluster, in seconds.", valueName: "S"))
    var requestTimeout: Double = 30

    @Option(name: .customLong("controls"), help: ArgumentHelp("A directory of user controls (Rego); repeatable.", valueName: "DIR"))
    var controlDirectories: [String] = []

    @Option(name: .customLong("exceptions"), help: ArgumentHelp("An exceptions file (YAML); repeatable.", valueName: "FILE"))
    var exceptionFiles: [String] = []

    @Option(name: .long, help: ArgumentHelp("Settings for controls (YAML or JSON), read as data.palisade.config.", valueName: "FILE"))
    var controlConfig: String?

    @Option(name: .long, help: ArgumentHelp("Add the Pod Security Standards checks of LEVEL[:VERSION] (restricted:latest, baseline:v1.30).", valueName: "L[:V]"))
    var pss: String?

    @Option(name: .long, help: ArgumentHelp("Also run the Kubescape regolibrary rules in DIR unchanged (rules/, deps/, default-config-inputs.json), as controls KS-<rule>.", valueName: "DIR"))
    var kubescape: String?

    @Option(name: .long, help: ArgumentHelp("Only controls mapped to this framework (NSA-CISA, MITRE, CIS, PSS, SOC2, PCI-DSS, HIPAA).", valueName: "NAME"))
    var framework: String?

    @Option(name: .customLong("control"), help: ArgumentHelp("Only this control id (globs allowed); repeatable.", valueName: "ID"))
    var controlIDs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: table, json, sarif, junit, markdown or html.")
    var format: String = "table"

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "F"))
    var outputFile: String?

    @Option(name: .long, help: ArgumentHelp("Fail (exit 1) when non-compliance, 100 - overall score, is above PCT.", valueName: "PCT"))
    var failThreshold: String?

    @Option(name: .long, help: ArgumentHelp("Fail (exit 1) on a failed finding at or above SEV (info..critical).", valueName: "SEV"))
    var severityThreshold: String?

    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    @Option(name: .long, help: .hidden)
    var now: String?

    @Flag(name: .long, help: .hidden)
    var profile = false

    /// Option values are checked here rather than in `validate()` so that a
    /// bad value exits with status 2, as documented (not ArgumentParser's 64).
    private func usageProblems() -> [String] {
        var problems: [String] = []
        if paths.isEmpty && !cluster { problems.append("give at least one manifest file, directory or - for stdin, or --cluster") }
        if !cluster && (kubeconfig != nil || context != nil) { problems.append("--kubeconfig and --context need --cluster") }
        if !(requestTimeout > 0) { problems.append("--request-timeout must be a positive number of seconds") }
        if ReportFormat(rawValue: format) == nil {
            problems.append("unknown output format '\(format)'; expected one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let failThreshold, Double(failThreshold).map({ (0...100).contains($0) }) != true {
            problems.append("--fail-threshold must be a percentage from 0 to 100, not '\(failThreshold)'")
        }
        if let severityThreshold, Severity(parsing: severityThreshold) == nil {
            problems.append("--severity-threshold must be one of info, low, medium, high, critical, not '\(severityThreshold)'")
        }
        if let now, Timestamp(parsing: now) == nil { problems.append("--now must be a date or RFC 3339 time") }
        return problems
    }

    func run() throws {
        let problems = usageProblems()
        guard problems.isEmpty else {
            for problem in problems { printError("palisade scan: \(problem)") }
            throw ExitCode(2)
        }
        var inputs = ScanInputs(objects: [], descriptions: [])
        if !paths.isEmpty {
            inputs = ScanInputs(manifests: ManifestLoader().load(paths: paths), descriptions: paths)
        }
        if cluster {
            do {
                let live = try ClusterInput(kubeconfig: kubeconfig, context: context, requestTimeout: requestTimeout).read()
                inputs.objects += live.objects
                inputs.descriptions += live.descriptions
                inputs.notices += live.notices
            } catch {
                printError("palisade scan: cannot read the cluster: \(error)")
                throw ExitCode(2)
            }
        }
        try scan(inputs)
    }

    /// Scans objects from any source (manifests here; a live cluster later) and
    /// writes the report; exits with the documented status.
    func scan(_ inputs: ScanInputs) throws {
        let configuration: ScanConfiguration
        do {
            configuration = try ScanConfiguration(scanOptions)
        } catch let error as ScanSetupError {
            for line in error.lines { printError("palisade scan: \(line)") }
            throw ExitCode(2)
        }
        var settings = configuration.settings
        let started = DispatchTime.now().uptimeNanoseconds
        if profile { settings.profile = ControlProfile() }
        let report = configuration.scan.scan(inputs, settings: settings)
        if let profile = settings.profile {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            printError(String(format: "profile: %d resources in %.3fs; slowest controls:", inputs.objects.count, seconds))
            for line in profile.lines() { printError("profile: " + line) }
        }
        for notice in report.notices { printError("notice: \(notice)") }
        for error in report.errors { printError("error: \(error)") }
        try write(ReportRenderer.render(report, as: ReportFormat(rawValue: format) ?? .table, color: useColor))
        if !report.errors.isEmpty { throw ExitCode(2) }
        let breaches = ScanThresholds(failThreshold: failThreshold.flatMap(Double.init), severityThreshold: severityThreshold.flatMap(Severity.init(parsing:)))
            .breaches(report)
        if !breaches.isEmpty {
            printError("palisade scan: failed: " + breaches.joined(separator: "; "))
            throw ExitCode(1)
        }
    }

    private var scanOptions: ScanOptions {
        var options = ScanOptions(now: now.flatMap(Timestamp.init(parsing:)) ?? Timestamp(nanoseconds: Int64(Date().timeIntervalSince1970 * 1e9)))
        options.controlDirectories = controlDirectories
        options.exceptionFiles = exceptionFiles
        options.controlConfigFile = controlConfig
        options.podSecurity = pss
        options.kubescapeDirectory = kubescape
        options.framework = framework
        options.controlIDs = controlIDs
        return options
    }

    private var useColor: Bool {
        !noColor && outputFile == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    private func write(_ text: String) throws {
        guard let outputFile else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: outputFile))
        } catch {
            printError("palisade scan: cannot write \(outputFile): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
