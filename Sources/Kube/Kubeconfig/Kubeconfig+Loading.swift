import Foundation
import PalisadeCore

extension Kubeconfig {
    /// Largest kubeconfig (and credential file) read, in bytes.
    public static let maxFileSize = 4 << 20

    /// Reads one kubeconfig file; it must exist.
    public static func load(file path: String) throws -> Kubeconfig {
        let bytes = try BoundedReader.read(path: path, limit: maxFileSize)
        return try parse(try BoundedReader.text(bytes, name: path), file: path)
    }

    /// Reads and merges kubeconfig files in order (the first to define a name
    /// wins). Missing files are skipped, as kubectl does for KUBECONFIG lists,
    /// unless `requireAll` is set (an explicit `--kubeconfig`).
    public static func load(files paths: [String], requireAll: Bool = false) throws -> Kubeconfig {
        var merged = Kubeconfig()
        var seen: Set<String> = []
        for path in paths where !path.isEmpty && seen.insert(path).inserted {
            if !requireAll && !FileManager.default.fileExists(atPath: path) { continue }
            merged = merged.merging(try load(file: path))
        }
        return merged
    }

    /// The files kubectl would read: `explicitPath` (`--kubeconfig`) if given,
    /// else the `KUBECONFIG` list (`:`-separated), else `$HOME/.kube/config`.
    public static func defaultFiles(explicitPath: String? = nil, environment: [String: String]) -> [String] {
        if let explicitPath, !explicitPath.isEmpty { return [explicitPath] }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        guard let home = environment["HOME"], !home.isEmpty else { return [] }
        return [(home as NSString).appendingPathComponent(".kube/config")]
    }

    /// Loads the kubeconfig kubectl would use. An explicit path must exist;
    /// otherwise finding no file at all is an error too.
    public static func loadDefault(explicitPath: String? = nil,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Kubeconfig {
        let files = defaultFiles(explicitPath: explicitPath, environment: environment)
        let explicit = explicitPath.map { !$0.isEmpty } ?? false
        let config = try load(files: files, requireAll: explicit)
        if config.files.isEmpty {
            let searched = files.isEmpty ? "no KUBECONFIG or HOME set" : "looked in " + files.joined(separator: ", ")
            throw InputError("no kubeconfig found (\(searched))")
        }
        return config
    }
}
