import Foundation

/// Where the repository and the shared corpora are, found from this file's
/// real path (the dev package reaches this folder through a symlink).
enum ControlsWorkloadPaths {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.pathComponents.count > 1, url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }()

    static let library = repository.appendingPathComponent("Sources/Posture/Controls/Library")
    static let workloadControls = library.appendingPathComponent("workload")

    /// Every `.rego` file below `directory`, sorted.
    static func regoFiles(below directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "rego" }
            .sorted { $0.path < $1.path }
    }
}
