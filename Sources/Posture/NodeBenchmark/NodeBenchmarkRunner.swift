import Foundation
import PalisadeCore

/// What to run: which definitions, which benchmark, which targets and checks.
public struct BenchRunOptions: Sendable {
    /// A kube-bench style `cfg` directory (config.yaml plus one directory per benchmark).
    public var configDirectory: String
    /// A benchmark directory name such as `cis-1.12`; exclusive with `kubernetesVersion`.
    public var benchmark: String?
    /// A Kubernetes version such as `1.31`, mapped through `version_mapping`.
    public var kubernetesVersion: String?
    /// Targets such as `master`, `node`; empty means the ones that apply to this node.
    public var targets: [String]
    public var filter: BenchFilter

    public init(configDirectory: String, benchmark: String? = nil, kubernetesVersion: String? = nil,
                targets: [String] = [], filter: BenchFilter = BenchFilter()) {
        self.configDirectory = configDirectory
        self.benchmark = benchmark
        self.kubernetesVersion = kubernetesVersion
        self.targets = targets
        self.filter = filter
    }
}

/// The outcome of a benchmark run.
public struct BenchRun: Sendable {
    public var benchmark: String
    public var controls: [BenchControlsResult]
    /// Things the user should know, e.g. components that are not running.
    public var notes: [String]

    public var totals: BenchSummary { controls.reduce(BenchSummary()) { $0 + $1.summary } }
}

/// Runs kube-bench format benchmark definitions against a node.
public struct NodeBenchmarkRunner: Sendable {
    public var host: BenchHost
    public var auditRunner: BenchAuditRunner

    /// Target names and their controls file names.
    public static let targetFiles = ["master": "master.yaml", "node": "node.yaml", "etcd": "etcd.yaml",
                                     "controlplane": "controlplane.yaml", "policies": "policies.yaml",
                                     "managedservices": "managedservices.yaml"]

    public init(host: BenchHost = BenchHost(), auditRunner: BenchAuditRunner = BenchCommandRunner()) {
        self.host = host
        self.auditRunner = auditRunner
    }

    /// Loads the definitions, picks benchmark and targets, and runs the checks.
    public func run(_ options: BenchRunOptions) throws -> BenchRun {
        let base = try BenchConfig.load(directory: options.configDirectory)
        let benchmark = try resolveBenchmark(options, base)
        let directory = (options.configDirectory as NSString).appendingPathComponent(benchmark)
        let config = try base.merging(directory: directory)
        let targets = try resolveTargets(options.targets, benchmark: benchmark, config: config, directory: directory)
        var run = BenchRun(benchmark: benchmark, controls: [], notes: [])
        for target in targets {
            let loaded = try loadControls(target: target, directory: directory, config: config)
            var controls = loaded.controls
            controls.detectedVersion = options.kubernetesVersion ?? ""
            run.notes += loaded.discovery.notRunning.map { "\(target): no running program found for component \"\($0)\"" }
            run.controls.append(controls.run(with: auditRunner, filter: options.filter))
        }
        run.controls.sort { (Int($0.controls.id) ?? 0) < (Int($1.controls.id) ?? 0) }
        return run
    }

    /// Reads, substitutes and decodes one target's controls file.
    public func loadControls(target: String, directory: String, config: BenchConfig) throws -> (controls: BenchControls, discovery: BenchDiscovery) {
        guard let fileName = Self.targetFiles[target] else { throw InputError("unknown target '\(target)'") }
        let file = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file) else {
            throw InputError("can't find \(target) controls file in \(directory)")
        }
        guard let section = config.section(target) else { throw InputError("No config settings for \(target)") }
        let discovery = try BenchDiscovery.discover(section, on: host)
        let (text, binaries) = discovery.substitute(try BenchFiles.readText(file))
        var controls = try BenchControlsDecoder.decode(text, file: file, target: target)
        controls.addDefaultEnvAudits(substitutedBinaries: binaries)
        return (controls, discovery)
    }

    /// The benchmark named, mapped from the Kubernetes version given, or mapped from the detected one.
    func resolveBenchmark(_ options: BenchRunOptions, _ config: BenchConfig) throws -> String {
        let benchmark = options.benchmark?.trimmingCharacters(in: .whitespaces) ?? ""
        let version = options.kubernetesVersion?.trimmingCharacters(in: .whitespaces) ?? ""
        if !benchmark.isEmpty && !version.isEmpty {
            throw InputError("It is an error to specify both --version and --benchmark flags")
        }
        if !benchmark.isEmpty { return benchmark }
        if !version.isEmpty { return try config.benchmark(forKubernetesVersion: version) }
        guard let detected = detectKubernetesVersion() else {
            throw InputError("cannot detect the Kubernetes version (no kubelet found); pass --version or --benchmark")
        }
        return try config.benchmark(forKubernetesVersion: detected)
    }

    /// `kubelet --version` → `1.31`.
    func detectKubernetesVersion() -> String? {
        let output = auditRunner.run("kubelet --version").output
        guard let regex = try? RE2Regex("Kubernetes v(\\d+\\.\\d+)"), let groups = regex.firstMatch(in: output),
              let range = groups[1] else { return nil }
        return String(output[range])
    }

    /// Checks requested targets against `target_mapping`, or picks the ones
    /// that apply: node always, master/controlplane/policies when control-plane
    /// programs run, etcd when etcd runs, managedservices when defined.
    func resolveTargets(_ requested: [String], benchmark: String, config: BenchConfig, directory: String) throws -> [String] {
        let mapping = try config.targetMapping()
        guard let available = mapping[benchmark] else { throw InputError("No targets configured for \(benchmark)") }
        if !requested.isEmpty {
            let wanted = requested.map { $0.lowercased() }
            let unknown = wanted.filter { !available.contains($0) }
            guard unknown.isEmpty else {
                throw InputError("The specified --targets \"\(unknown.joined(separator: ","))\" are not configured for the CIS Benchmark \(benchmark)\nValid targets [\(available.joined(separator: " "))]")
            }
            return wanted
        }
        let master = isRunning("master", config)
        return available.filter { target in
            let exists = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(Self.targetFiles[target] ?? ""))
            switch target {
            case "master", "controlplane", "policies": return exists && master
            case "etcd": return exists && isRunning("etcd", config)
            default: return exists
            }
        }
    }

    /// Whether the mandatory programs of a target's components run on the host.
    func isRunning(_ target: String, _ config: BenchConfig) -> Bool {
        guard let section = config.section(target), let found = try? BenchDiscovery.discover(section, on: host) else { return false }
        return found.notRunning.isEmpty && !found.binaries.isEmpty
    }
}
