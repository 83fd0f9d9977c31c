import XCTest

/// One control evaluated on the first object of a YAML stream (the rest are inventory context),
/// with the exact finding messages expected (none for a passing case).
struct ControlsClusterCase {
    var slug: String
    var yaml: String
    var expected: [String]
    var line: UInt

    init(_ slug: String, _ expected: [String], line: UInt = #line, _ yaml: String) {
        self.slug = slug
        self.yaml = yaml
        self.expected = expected.sorted()
        self.line = line
    }

    func check(file: StaticString = #filePath) {
        do {
            let got = try ControlsClusterHarness.messages(slug, yaml)
            XCTAssertEqual(got, expected, "\(slug)", file: file, line: line)
        } catch {
            XCTFail("\(slug): \(error)", file: file, line: line)
        }
    }
}

/// RBAC fixtures shared by several cases.
enum ControlsClusterRBAC {
    static func clusterRole(_ name: String, _ rules: String, labels: String = "{}") -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: "\(name)", labels: \(labels)}
        rules: \(rules)
        """
    }

    static func role(_ name: String, _ namespace: String, _ rules: String) -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: "\(name)", namespace: \(namespace)}
        rules: \(rules)
        """
    }

    static func clusterRoleBinding(_ name: String, role: String, subjects: String) -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "\(name)"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "\(role)"}
        subjects: \(subjects)
        """
    }

    static func roleBinding(_ name: String, _ namespace: String, kind: String, role: String, subjects: String) -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: "\(name)", namespace: \(namespace)}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: \(kind), name: "\(role)"}
        subjects: \(subjects)
        """
    }

    static func stream(_ docs: String...) -> String { docs.joined(separator: "\n---\n") }

    static let user = "[{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]"
    static let appAccount = "[{kind: ServiceAccount, name: app, namespace: prod}]"
    static let masters = "[{kind: Group, name: \"system:masters\", apiGroup: rbac.authorization.k8s.io}]"
}
