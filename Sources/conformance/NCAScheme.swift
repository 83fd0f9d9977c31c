import Foundation
import PalisadeCore

/// An NCA scheme file: global inputs, named network configurations, queries.
struct NCAScheme: Sendable {
    struct Config: Sendable {
        var name: String
        var policies: [String]?
        var namespaceList: [String]?
        var podList: [String]?
        var resourceList: [String]?
        var expectedWarnings: Int?
        var expectedError: Int?
    }

    struct Query: Sendable {
        var name: String
        var type: String
        var configs: [String]
        var expected: Int?
        var expectedOutput: String?
        var expectedNotExecuted: Int?
        var format: String
        var outputEndpoints: String?
        var subset: Value?
    }

    static let queryTypes: Set<String> = [
        "connectivityMap", "sanity", "semanticDiff", "equivalence", "strongEquivalence", "redundancy", "vacuity",
        "containment", "twoWayContainment", "emptiness", "pairwiseInterferes", "interferes", "permits", "forbids",
        "disjointness", "allCaptured",
    ]

    var path: String
    var directory: String
    var namespaceList: [String]?
    var podList: [String]?
    var resourceList: [String]?
    var configs: [Config]
    var queries: [Query]

    /// A scheme made in code (for command-line entries); references are relative to `directory`.
    init(directory: String, configs: [Config], queries: [Query]) {
        path = directory
        self.directory = directory
        self.configs = configs
        self.queries = queries
    }

    init(path: String) throws {
        self.path = path
        directory = (path as NSString).deletingLastPathComponent
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let root = try YAMLReader.decode(text, file: path)
        namespaceList = Self.strings(root["namespaceList"])
        podList = Self.strings(root["podList"])
        resourceList = Self.strings(root["resourceList"])
        configs = (root["networkConfigList"]?.arrayValue ?? []).map { c in
            Config(name: c["name"]?.stringValue ?? "", policies: Self.strings(c["networkPolicyList"]),
                   namespaceList: Self.strings(c["namespaceList"]), podList: Self.strings(c["podList"]),
                   resourceList: Self.strings(c["resourceList"]),
                   expectedWarnings: c["expectedWarnings"]?.intValue, expectedError: c["expectedError"]?.intValue)
        }
        queries = (root["queries"]?.arrayValue ?? []).compactMap { q in
            guard let type = q.objectValue?.keys.compactMap(\.stringValue).first(where: Self.queryTypes.contains) else { return nil }
            let output = q["outputConfiguration"]
            return Query(name: q["name"]?.stringValue ?? type, type: type, configs: Self.strings(q[type]) ?? [],
                         expected: q["expected"]?.intValue, expectedOutput: q["expectedOutput"]?.stringValue,
                         expectedNotExecuted: q["expectedNotExecuted"]?.intValue,
                         format: output?["outputFormat"]?.stringValue ?? "txt",
                         outputEndpoints: output?["outputEndpoints"]?.stringValue, subset: output?["subset"])
        }
    }

    static func strings(_ value: Value?) -> [String]? {
        guard let value, value != .null else { return nil }
        if let s = value.stringValue { return [s] }
        return value.arrayValue?.compactMap(\.stringValue)
    }
}
