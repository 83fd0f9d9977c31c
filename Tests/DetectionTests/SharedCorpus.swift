import Foundation

/// Where the shared conformance corpora are: `shared/` beside the repository,
/// as CI lays out a clone. Tests that need them skip when it is absent.
enum SharedCorpus {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1, url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path
    }()
}
