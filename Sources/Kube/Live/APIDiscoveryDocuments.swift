import PalisadeCore

/// Reads the discovery documents the API server serves: `APIVersions` at
/// `/api`, `APIGroupList` at `/apis`, and an `APIResourceList` per group version.
enum APIDiscoveryDocuments {
    /// The core group's version to read from `/api`: `v1` when offered, else the first.
    static func coreVersion(_ document: Value) throws -> String {
        try expect(document, kind: "APIVersions", at: "/api")
        let versions = (document["versions"]?.arrayValue ?? []).compactMap(\.stringValue)
        if versions.contains("v1") { return "v1" }
        guard let first = versions.first else { throw invalid("/api", "APIVersions lists no versions") }
        return first
    }

    /// Each group's preferred version from `/apis`, in the server's order
    /// (which is its priority order). A group without `preferredVersion`
    /// falls back to its first listed version.
    static func preferredGroupVersions(_ document: Value) throws -> [(group: String, version: String)] {
        try expect(document, kind: "APIGroupList", at: "/apis")
        var result: [(group: String, version: String)] = []
        for group in document["groups"]?.arrayValue ?? [] {
            guard let name = group["name"]?.stringValue, !name.isEmpty else { continue }
            let version = group["preferredVersion"]?["version"]?.stringValue
                ?? group["versions"]?.arrayValue?.first?["version"]?.stringValue
            if let version, !version.isEmpty { result.append((name, version)) }
        }
        return result
    }

    /// The listable top-level resources of one group version: subresources
    /// (`deployments/scale`) and resources without the `list` verb are left out.
    static func listableResources(_ document: Value, group: String, version: String) throws -> [APIResourceType] {
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        try expect(document, kind: "APIResourceList", at: path)
        var result: [APIResourceType] = []
        for resource in document["resources"]?.arrayValue ?? [] {
            guard let name = resource["name"]?.stringValue, !name.isEmpty, !name.contains("/"),
                  let kind = resource["kind"]?.stringValue, !kind.isEmpty else { continue }
            let verbs = (resource["verbs"]?.arrayValue ?? []).compactMap(\.stringValue)
            guard verbs.contains("list") else { continue }
            result.append(APIResourceType(group: group, version: version, name: name, kind: kind,
                                          namespaced: resource["namespaced"]?.boolValue ?? false, verbs: verbs))
        }
        return result
    }

    private static func expect(_ document: Value, kind: String, at path: String) throws {
        // Old servers omit `kind` on discovery documents; accept that, reject anything else.
        if let actual = document["kind"]?.stringValue, actual != kind {
            throw invalid(path, "expected \(kind), got \(actual)")
        }
        guard case .object = document else { throw invalid(path, "expected a JSON object") }
    }

    private static func invalid(_ path: String, _ detail: String) -> KubeAPIError {
        .invalidResponse(path: path, detail: detail)
    }
}
