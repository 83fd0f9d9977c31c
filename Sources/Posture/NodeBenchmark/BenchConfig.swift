import Foundation
import PalisadeCore

/// A kube-bench `config.yaml`: per-target component settings, the Kubernetes
/// version → benchmark mapping and the targets each benchmark has. A
/// benchmark directory's own `config.yaml` is merged over the top-level one
/// (maps merge key by key, other values are replaced), with keys compared
/// case-insensitively as viper does.
public struct BenchConfig: Sendable {
    public var root: BenchYAMLNode
    public static let fileName = "config.yaml"

    public init(root: BenchYAMLNode) { self.root = Self.lowercasingKeys(root) }

    /// Reads `DIR/config.yaml`.
    public static func load(directory: String) throws -> BenchConfig {
        let file = (directory as NSString).appendingPathComponent(fileName)
        return BenchConfig(root: try BenchYAMLNode.parse(try BenchFiles.readText(file), file: file))
    }

    /// This config with `DIR/config.yaml` merged over it, when that file exists.
    public func merging(directory: String) throws -> BenchConfig {
        let file = (directory as NSString).appendingPathComponent(Self.fileName)
        guard FileManager.default.fileExists(atPath: file) else { return self }
        let overlay = try BenchYAMLNode.parse(try BenchFiles.readText(file), file: file)
        return BenchConfig(root: Self.merge(root, Self.lowercasingKeys(overlay)))
    }

    /// The settings of one target (`master`, `node`, …).
    public func section(_ target: String) -> BenchYAMLNode? { root[target.lowercased()] }

    /// `version_mapping`: Kubernetes version (or platform id) → benchmark.
    public func versionMapping() throws -> [String: String] {
        guard let node = root["version_mapping"], let entries = node.entries, !entries.isEmpty else {
            throw InputError("config file is missing 'version_mapping' section", at: root.location)
        }
        var mapping: [String: String] = [:]
        for entry in entries { mapping[entry.key] = try scalar(entry.value, "version_mapping") }
        return mapping
    }

    /// `target_mapping`: benchmark → its targets.
    public func targetMapping() throws -> [String: [String]] {
        guard let node = root["target_mapping"], let entries = node.entries, !entries.isEmpty else {
            throw InputError("config file is missing 'target_mapping' section", at: root.location)
        }
        var mapping: [String: [String]] = [:]
        for entry in entries { mapping[entry.key] = try node.benchStrings(entry.key).map { $0.lowercased() } }
        return mapping
    }

    /// The benchmark for a Kubernetes version such as `1.31`: an exact entry,
    /// else the nearest lower minor version that has one.
    public func benchmark(forKubernetesVersion version: String) throws -> String {
        let mapping = try versionMapping()
        var candidate = version.trimmingCharacters(in: .whitespaces)
        var steps = 0
        while !candidate.isEmpty && steps < 1_000 {
            if let benchmark = mapping[candidate] { return benchmark }
            candidate = Self.decrementMinor(candidate)
            steps += 1
        }
        throw InputError("unable to find a matching Benchmark Version match for kubernetes version: \(version)")
    }

    static func decrementMinor(_ version: String) -> String {
        var parts = version.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let minor = Int(parts[1]), minor > 1 else { return "" }
        parts[1] = String(minor - 1)
        return parts.joined(separator: ".")
    }

    private func scalar(_ node: BenchYAMLNode, _ key: String) throws -> String {
        guard case .scalar(let text, _, _) = node else { throw InputError("'\(key)' values must be plain values", at: node.location) }
        return text
    }

    static func merge(_ base: BenchYAMLNode, _ overlay: BenchYAMLNode) -> BenchYAMLNode {
        if overlay.isNull { return base }
        guard case .map(var entries, let at) = base, case .map(let extra, _) = overlay else { return overlay }
        for entry in extra {
            if let index = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[index].value = merge(entries[index].value, entry.value)
            } else {
                entries.append(entry)
            }
        }
        return .map(entries, at: at)
    }

    static func lowercasingKeys(_ node: BenchYAMLNode) -> BenchYAMLNode {
        switch node {
        case .scalar: return node
        case .list(let items, let at): return .list(items.map(lowercasingKeys), at: at)
        case .map(let entries, let at):
            return .map(entries.map { BenchYAMLEntry(key: $0.key.lowercased(), value: lowercasingKeys($0.value)) }, at: at)
        }
    }
}

/// Bounded file reading for definitions.
enum BenchFiles {
    static func readText(_ path: String, limit: Int = BenchControlsDecoder.maxFileBytes) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read file", at: SourceLocation(file: path, line: 1, column: 1))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else {
            throw InputError("file is larger than \(limit) bytes", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
