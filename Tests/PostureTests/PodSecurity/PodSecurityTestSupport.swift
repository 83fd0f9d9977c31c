import XCTest
import PalisadeCore
@testable import Posture

/// Helpers shared by the Pod Security tests.
enum PodSecurityTestSupport {
    static let fixturesDirectory = SharedCorpus.root + "/conformance/pod-security"

    /// Decodes a YAML pod (or workload) document.
    static func object(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> Value {
        do { return try YAMLReader.decode(yaml) } catch {
            XCTFail("bad test YAML: \(error)", file: file, line: line)
            return .null
        }
    }

    /// Evaluates a YAML Pod at `policy` (for example `restricted:latest`).
    static func violations(_ yaml: String, _ policy: String, file: StaticString = #filePath, line: UInt = #line) -> [PodSecurityViolation] {
        guard let pod = PodSecurityPodSpec.extract(from: object(yaml, file: file, line: line)),
              let parsed = try? PodSecurityPolicy(parsing: policy) else {
            XCTFail("no pod spec or bad policy", file: file, line: line)
            return []
        }
        return PodSecurityEvaluator.evaluate(podMetadata: pod.metadata, podSpec: pod.spec, policy: parsed)
    }

    /// The only violation of a pod, failing the test when there is not exactly one.
    static func single(_ yaml: String, _ policy: String, file: StaticString = #filePath, line: UInt = #line) -> PodSecurityViolation? {
        let found = violations(yaml, policy, file: file, line: line)
        XCTAssertEqual(found.count, 1, "violations: \(found)", file: file, line: line)
        return found.first
    }

    /// A pod that passes `restricted:latest`, with init container `a` and
    /// container `b`; each argument is YAML spliced in at its place: extra
    /// fields of a container (`aFields`), of its `securityContext`
    /// (`aSecurity`), of the pod `securityContext`, or of the spec.
    static func restrictedPod(
        aFields: String = "", aSecurity: String = "", bFields: String = "", bSecurity: String = "",
        podSecurity: String = "", spec extra: String = "", metadata: String = ""
    ) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        \(indent(metadata, by: 2))
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: {type: RuntimeDefault}
        \(indent(podSecurity, by: 4))
          initContainers:
          - name: a
            image: x
        \(indent(aFields, by: 4))
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
        \(indent(aSecurity, by: 6))
          containers:
          - name: b
            image: x
        \(indent(bFields, by: 4))
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
        \(indent(bSecurity, by: 6))
        \(indent(extra, by: 2))
        """
    }

    private static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
}
