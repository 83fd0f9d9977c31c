import Foundation
import PalisadeCore

/// The node being benchmarked: where its file system is mounted and how to
/// see its processes. Tests point `root` at a fake tree and list fake processes.
public struct BenchHost: Sendable {
    /// The node's `/`, e.g. `/host` when running in a container; "/" for this machine.
    public var root: String
    public var processes: BenchProcessLister

    public init(root: String = "/", processes: BenchProcessLister = BenchProcTable()) {
        self.root = root
        self.processes = processes
    }

    /// Where a node path lives on this machine.
    public func localPath(_ nodePath: String) -> String {
        guard nodePath.hasPrefix("/"), root != "/", !root.isEmpty else { return nodePath }
        return (root.hasSuffix("/") ? String(root.dropLast()) : root) + nodePath
    }
}

/// Values found for each component of a target, used to fill `$<component>bin`,
/// `$<component>conf`, `$<component>svc`, `$<component>kubeconfig`,
/// `$<component>cafile` and `$<component>datadir` in controls files.
public struct BenchDiscovery: Sendable {
    /// Kinds of variables, in substitution order, with their config keys.
    static let fileKinds: [(suffix: String, list: String, fallback: String)] = [
        ("conf", "confs", "defaultconf"), ("svc", "svc", "defaultsvc"),
        ("kubeconfig", "kubeconfig", "defaultkubeconfig"), ("cafile", "cafile", "defaultcafile"),
        ("datadir", "datadirs", "defaultdatadir"),
    ]

    /// Running binary per component (empty when a mandatory component is not running).
    public var binaries: [String: String] = [:]
    /// suffix (conf, svc, …) → component → path.
    public var files: [String: [String: String]] = [:]
    /// Mandatory components with `bins` of which none is running.
    public var notRunning: [String] = []

    public init() {}

    /// Discovers components of a target section of config.yaml on `host`.
    public static func discover(_ section: BenchYAMLNode, on host: BenchHost) throws -> BenchDiscovery {
        var found = BenchDiscovery()
        for component in try section.benchStrings("components") {
            guard let settings = section[component.lowercased()], settings.entries != nil else { continue }
            let bins = try settings.benchStrings("bins")
            if !bins.isEmpty {
                let running = bins.first { isRunning($0, on: host) }
                let optional = try settings.benchBool("optional")
                if running == nil && !optional { found.notRunning.append(component) }
                found.binaries[component] = running ?? component
            }
            for kind in fileKinds {
                let candidates = try settings.benchStrings(kind.list)
                let path = candidates.first { FileManager.default.fileExists(atPath: host.localPath($0)) }
                    ?? (settings[kind.fallback].map { _ in (try? settings.benchString(kind.fallback)) ?? "" })
                found.files[kind.suffix, default: [:]][component] = path.map(host.localPath) ?? component
            }
        }
        // kube-bench drops every binary substitution when a mandatory component is missing.
        if !found.notRunning.isEmpty { found.binaries = [:] }
        return found
    }

    /// Whether `bin` (possibly several words, e.g. `hyperkube kubelet`) is running:
    /// some process named after its first word has a command line starting with it.
    static func isRunning(_ bin: String, on host: BenchHost) -> Bool {
        let cleaned = bin.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        guard let first = cleaned.split(separator: " ").first,
              let regex = try? RE2Regex("^(\\S*/)*" + cleaned) else { return false }
        return host.processes.commandLines(named: String(first)).contains { regex.matches($0) }
    }

    /// Replaces the variables in a controls file's text. Returns the text and
    /// the binaries that were substituted (used for the default audit_env).
    public func substitute(_ text: String) -> (text: String, binaries: [String]) {
        var (result, binaries) = Self.replace(text, suffix: "bin", values: self.binaries)
        for kind in Self.fileKinds {
            result = Self.replace(result, suffix: kind.suffix, values: files[kind.suffix] ?? [:]).text
        }
        return (result, binaries)
    }

    private static func replace(_ text: String, suffix: String, values: [String: String]) -> (text: String, changed: [String]) {
        var result = text
        var changed: [String] = []
        for component in values.keys.sorted() {
            guard let value = values[component], !value.isEmpty else { continue }
            let quoted = value.split(whereSeparator: \.isWhitespace).count > 1 ? "'\(value)'" : value
            let next = result.replacingOccurrences(of: "$" + component + suffix, with: quoted)
            if next != result { changed.append(value) }
            result = next
        }
        return (result, changed)
    }
}
