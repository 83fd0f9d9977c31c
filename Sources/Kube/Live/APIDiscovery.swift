import PalisadeCore

/// Finds every listable resource type the server offers: the core group from
/// `/api`, the other groups from `/apis` at their preferred versions, then
/// each group version's resource list. A group version whose list cannot be
/// read (an aggregated API whose backend is down answers 503) becomes a
/// warning; failing to read `/api` or `/apis` is an error.
struct APIDiscovery: Sendable {
    let getter: any KubeGetting
    let concurrency: Int

    struct Outcome: Sendable {
        var types: [APIResourceType] = []
        var warnings: [String] = []
    }

    func run() async throws -> Outcome {
        let coreVersion = try APIDiscoveryDocuments.coreVersion(try await getter.get("/api", query: []))
        let groups = try APIDiscoveryDocuments.preferredGroupVersions(try await getter.get("/apis", query: []))
        let groupVersions = [(group: "", version: coreVersion)] + groups
        let getter = self.getter
        let lists = await BoundedConcurrency.map(groupVersions.map { GroupVersion(group: $0.group, version: $0.version) },
                                                 limit: concurrency) { groupVersion in
            let document = try await getter.get(groupVersion.path, query: [])
            return try APIDiscoveryDocuments.listableResources(document, group: groupVersion.group, version: groupVersion.version)
        }
        var outcome = Outcome()
        for (groupVersion, result) in zip(groupVersions, lists) {
            switch result {
            case .success(let types): outcome.types += types
            case .failure(let error):
                if groupVersion.group.isEmpty { throw error }
                let name = "\(groupVersion.group)/\(groupVersion.version)"
                outcome.warnings.append("cannot discover the resources of \(name): \(error)")
            }
        }
        return outcome
    }

    private struct GroupVersion: Sendable {
        var group: String
        var version: String
        var path: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }
    }
}
