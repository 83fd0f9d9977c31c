import PalisadeCore
import XCTest

/// data.palisade.lib.workload: where the pod spec of each kind is, and the helpers.
final class ControlsWorkloadLibraryTests: XCTestCase {
    private func evaluate(_ rule: String, _ yaml: String) throws -> Value? {
        let harness = try ControlsWorkloadHarness.shared()
        let input = try controlsWorkloadDocuments(yaml)[0]
        return try harness.engine.evaluate(["palisade", "lib", "workload", rule], input: input, data: .emptyObject)
    }

    private func call(_ expression: String) throws -> Value? {
        let harness = try ControlsWorkloadHarness.shared()
        return try harness.engine.query("x := data.palisade.lib.workload.\(expression)").first?.bindings["x"]
    }

    func testPodSpecPathOfEveryKind() throws {
        let container = "{containers: [{name: a, image: nginx}]}"
        let cases: [(String, String)] = [
            ("kind: Pod\nspec: \(container)", "spec"),
            ("kind: Deployment\nspec: {template: {spec: \(container)}}", "spec.template.spec"),
            ("kind: StatefulSet\nspec: {template: {spec: \(container)}}", "spec.template.spec"),
            ("kind: DaemonSet\nspec: {template: {spec: \(container)}}", "spec.template.spec"),
            ("kind: ReplicaSet\nspec: {template: {spec: \(container)}}", "spec.template.spec"),
            ("kind: ReplicationController\nspec: {template: {spec: \(container)}}", "spec.template.spec"),
            ("kind: Job\nspec: {template: {spec: \(container)}}", "spec.template.spec"),
            ("kind: CronJob\nspec: {jobTemplate: {spec: {template: {spec: \(container)}}}}", "spec.jobTemplate.spec.template.spec"),
            ("kind: PodTemplate\ntemplate: {spec: \(container)}", "template.spec"),
        ]
        for (yaml, path) in cases {
            XCTAssertEqual(try evaluate("pod_spec_path", yaml), .string(path), yaml)
            let containers = try evaluate("containers", yaml)?.setValue ?? []
            XCTAssertEqual(containers.compactMap { $0["path"]?.stringValue }, ["\(path).containers[0]"], yaml)
        }
        XCTAssertNil(try evaluate("pod_spec", "kind: Service\nspec: {ports: []}"))
        XCTAssertNil(try evaluate("pod_spec", "kind: Deployment\nspec: {template: {}}"))
    }

    func testContainersOfEveryField() throws {
        let containers = try evaluate("containers", """
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers: [{name: i, image: busybox}]
              containers: [{name: a, image: nginx}, {name: b, image: nginx}]
              ephemeralContainers: [{name: e, image: busybox}]
            """)?.setValue ?? []
        let seen = Set(containers.map { "\($0["kind"]?.stringValue ?? "") \($0["path"]?.stringValue ?? "") \($0["container"]?["name"]?.stringValue ?? "")" })
        XCTAssertEqual(seen, [
            "initContainers spec.initContainers[0] i",
            "containers spec.containers[0] a",
            "containers spec.containers[1] b",
            "ephemeralContainers spec.ephemeralContainers[0] e",
        ])
    }

    func testPodMetadataIsTheTemplateMetadata() throws {
        let metadata = try evaluate("pod_metadata", """
            kind: Deployment
            metadata: {name: d, labels: {owner: x}}
            spec: {template: {metadata: {labels: {app: web}}, spec: {containers: []}}}
            """)
        XCTAssertEqual(metadata?["labels"]?["app"], .string("web"))
        XCTAssertEqual(try evaluate("pod_metadata", "kind: Job\nspec: {template: {spec: {containers: []}}}"), .emptyObject)
    }

    func testImageReference() throws {
        let cases: [(String, [String])] = [
            ("nginx", ["docker.io", "library/nginx", "", ""]),
            ("nginx:1.27", ["docker.io", "library/nginx", "1.27", ""]),
            ("bitnami/redis:7", ["docker.io", "bitnami/redis", "7", ""]),
            ("localhost/app", ["localhost", "app", "", ""]),
            ("registry.local:5000/team/app", ["registry.local:5000", "team/app", "", ""]),
            ("ghcr.io/org/app:v1@sha256:abc", ["ghcr.io", "org/app", "v1", "sha256:abc"]),
            ("quay.io/org/app@sha256:abc", ["quay.io", "org/app", "", "sha256:abc"]),
        ]
        for (image, parts) in cases {
            let reference = try call("image_reference(\"\(image)\")")
            let actual = ["registry", "repository", "tag", "digest"].map { reference?[$0]?.stringValue ?? "<nil>" }
            XCTAssertEqual(actual, parts, image)
        }
    }

    func testSecretLikeNames() throws {
        for name in ["DB_PASSWORD", "github_token", "AWS_SECRET_ACCESS_KEY", "AZURE_STORAGE_KEY", "ApiKey", "client-secret"] {
            XCTAssertEqual(try call("secret_like_name(\"\(name)\")"), .bool(true), name)
        }
        for name in ["GREETING", "LOG_LEVEL", "PORT"] {
            XCTAssertNil(try call("secret_like_name(\"\(name)\")"), name)
        }
    }

    func testSelectorMatches() throws {
        let labels = #"{"app": "web", "tier": "front"}"#
        let matching = [
            #"{}"#,
            #"{"matchLabels": {"app": "web"}}"#,
            #"{"matchExpressions": [{"key": "tier", "operator": "In", "values": ["front"]}, {"key": "x", "operator": "DoesNotExist"}]}"#,
            #"{"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["back"]}, {"key": "app", "operator": "Exists"}]}"#,
        ]
        for selector in matching {
            XCTAssertEqual(try call("selector_matches(\(selector), \(labels))"), .bool(true), selector)
        }
        let failing = [
            #"{"matchLabels": {"app": "api"}}"#,
            #"{"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["front"]}]}"#,
            #"{"matchExpressions": [{"key": "x", "operator": "Exists"}]}"#,
        ]
        for selector in failing {
            XCTAssertNil(try call("selector_matches(\(selector), \(labels))"), selector)
        }
    }
}
